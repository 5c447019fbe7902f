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
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
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

    @Test
    void a_sampled_trace_rides_in_a_records_headers_and_the_consumer_continues_it() {
        TraceContextMetadata traces = tracesSampledBy(Sampler.alwaysOn());
        Headers headers = new RecordHeaders();

        String traceId = withinSpan(traces, () -> {
            traces.writeCurrentInto(headers);
            return traces.tracer().currentSpan().context().traceId();
        });
        Span continued = traces.startContinuing(headers, "order-requests process").orElseThrow();
        continued.end();

        assertThat(new String(headers.lastHeader("traceparent").value(), StandardCharsets.UTF_8))
                .contains(traceId).endsWith("-01");
        assertThat(continued.context().traceId()).isEqualTo(traceId);
        assertThat(continued.context().sampled()).isTrue();
    }

    @Test
    void a_trace_that_is_not_sampled_adds_no_header_and_its_record_starts_no_span() {
        TraceContextMetadata traces = tracesSampledBy(Sampler.alwaysOff());
        Headers headers = new RecordHeaders();

        withinSpan(traces, () -> {
            traces.writeCurrentInto(headers);
            return null;
        });

        assertThat(headers.toArray()).isEmpty();
        assertThat(traces.startContinuing(headers, "order-requests process")).isEmpty();
    }

    @Test
    void the_relay_writes_the_span_it_sends_an_event_in() {
        TraceContextMetadata traces = tracesSampledBy(Sampler.alwaysOn());
        Map<String, String> eventMetadata = withinSpan(traces, traces::ofCurrentSpan);
        Headers headers = new RecordHeaders();

        Span relay = traces.startContinuing(MetaData.from(eventMetadata), "relay").orElseThrow();
        traces.writeInto(headers, relay);
        relay.end();

        assertThat(new String(headers.lastHeader("traceparent").value(), StandardCharsets.UTF_8))
                .isEqualTo("00-" + relay.context().traceId() + "-" + relay.context().spanId() + "-01");
        assertThat(eventMetadata.get("traceparent")).contains(relay.context().traceId());
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
