package com.groupbuy.command.infrastructure.tracing;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * One trace from the HTTP request to the read models: the trace rides in Axon metadata between the api, the
 * workers and the relay (see {@link TraceContextMetadata}); Spring Kafka's observations carry it in record headers.
 */
@Configuration(proxyBeanMethods = false)
public class TracingConfiguration {

    @Bean
    TraceContextMetadata traceContextMetadata(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new TraceContextMetadata(tracer.getIfAvailable(() -> Tracer.NOOP),
                propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    /** Added by the command gateway to every command it sends. */
    @Bean
    MessageDispatchInterceptor<CommandMessage<?>> traceContextDispatchInterceptor(TraceContextMetadata traces) {
        return new TraceContextDispatchInterceptor(traces);
    }

    @Bean
    CorrelationDataProvider traceContextCorrelation(TraceContextMetadata traces) {
        return new TraceContextCorrelation(traces);
    }

    /** Axon's default provider, which stands back as soon as any other provider is a bean. */
    @Bean
    CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }
}
