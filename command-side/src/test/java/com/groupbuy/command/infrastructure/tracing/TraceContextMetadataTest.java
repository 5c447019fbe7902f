package com.groupbuy.command.infrastructure.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelBaggageManager;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelPropagator;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TraceContextMetadataTest {

    @Test
    void a_sampled_trace_rides_in_the_metadata_of_the_messages_sent_within_it() {
        TraceContextMetadata traces = tracesSampledBy(Sampler.alwaysOn());

        Map<String, String> carried = withinSpan(traces, traces::ofCurrentSpan);

        assertThat(carried).containsOnlyKeys("traceparent");
        assertThat(carried.get("traceparent")).endsWith("-01");
        assertThat(traces.carries(MetaData.from(carried))).isTrue();
    }

    @Test
    void a_trace_that_is_not_sampled_adds_nothing_to_the_metadata() {
        TraceContextMetadata traces = tracesSampledBy(Sampler.alwaysOff());

        assertThat(withinSpan(traces, traces::ofCurrentSpan)).isEmpty();
    }

    @Test
    void outside_any_span_nothing_is_carried() {
        assertThat(tracesSampledBy(Sampler.alwaysOn()).ofCurrentSpan()).isEmpty();
    }

    private static <T> T withinSpan(TraceContextMetadata traces, java.util.function.Supplier<T> work) {
        Tracer tracer = traces.tracer();
        Span span = tracer.nextSpan().name("request").start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
            return work.get();
        } finally {
            span.end();
        }
    }

    private static TraceContextMetadata tracesSampledBy(Sampler sampler) {
        OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().setSampler(sampler).build())
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
        OtelCurrentTraceContext context = new OtelCurrentTraceContext();
        var sdkTracer = otel.getTracer("test");
        Tracer tracer = new OtelTracer(sdkTracer, context, event -> { },
                new OtelBaggageManager(context, List.of(), List.of()));
        return new TraceContextMetadata(tracer, new OtelPropagator(otel.getPropagators(), sdkTracer));
    }
}
