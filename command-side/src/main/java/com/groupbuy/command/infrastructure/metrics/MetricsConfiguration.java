package com.groupbuy.command.infrastructure.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Axon's Spring Boot support puts every {@code MessageHandlerInterceptor} bean on the command bus. */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    @Bean
    CommandOutcomes commandOutcomes(MeterRegistry registry) {
        return new CommandOutcomes(registry);
    }

    /** Spring Boot applies every {@code MeterFilter} bean to the registry before meters are registered. */
    @Bean
    MeterFilter axonMeters() {
        return new AxonMeters();
    }
}
