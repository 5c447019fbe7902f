package com.groupbuy.platform.observability;

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
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RecordTraceHeadersTest {

    private final OpenTelemetrySdk otel = OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().setSampler(Sampler.alwaysOn()).build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();
    private final OtelCurrentTraceContext context = new OtelCurrentTraceContext();
    private final Tracer tracer = new OtelTracer(otel.getTracer("test"), context, event -> { },
            new OtelBaggageManager(context, List.of(), List.of()));
    private final RecordTraceHeaders headers =
            new RecordTraceHeaders(new OtelPropagator(otel.getPropagators(), otel.getTracer("test")));

    @Test
    void a_span_written_into_a_records_headers_is_continued_by_its_consumer() {
        Span sent = tracer.nextSpan().name("send").start();
        Headers record = new RecordHeaders();

        headers.write(sent.context(), record);
        sent.end();
        Span consumed = headers.continuing(record).name("consume").start();
        consumed.end();

        assertThat(headers.carryTrace(record)).isTrue();
        assertThat(new String(record.lastHeader("traceparent").value(), StandardCharsets.UTF_8))
                .isEqualTo("00-" + sent.context().traceId() + "-" + sent.context().spanId() + "-01");
        assertThat(consumed.context().traceId()).isEqualTo(sent.context().traceId());
        assertThat(consumed.context().parentId()).isEqualTo(sent.context().spanId());
    }

    @Test
    void a_record_without_trace_headers_carries_no_trace() {
        Headers record = new RecordHeaders();
        record.add("eventType", "OrderPlaced".getBytes(StandardCharsets.UTF_8));

        assertThat(headers.carryTrace(record)).isFalse();
    }
}
