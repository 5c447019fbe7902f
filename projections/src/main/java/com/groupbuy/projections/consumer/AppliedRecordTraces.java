package com.groupbuy.projections.consumer;

import com.groupbuy.platform.observability.RecordTraceHeaders;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Continues the trace each event record carries in its headers (the relay writes it for sampled traces only) once a
 * poll is applied: a poll holds records of many traces and is applied in one transaction, so each record gets a span
 * of its own over the poll's time rather than one span for the poll.
 */
final class AppliedRecordTraces {

    private static final Logger log = LoggerFactory.getLogger(AppliedRecordTraces.class);

    private final Tracer tracer;
    private final RecordTraceHeaders headers;

    AppliedRecordTraces(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.headers = new RecordTraceHeaders(propagator);
    }

    /** Records a span for each record of {@code records} that carries a trace; the poll began {@code started}. */
    void applied(String projection, List<ConsumerRecord<String, byte[]>> records, Instant started) {
        for (ConsumerRecord<String, byte[]> record : records) {
            if (!headers.carryTrace(record.headers())) {
                continue;
            }
            Span span = headers.continuing(record.headers())
                    .name("projection " + projection)
                    .kind(Span.Kind.CONSUMER)
                    .tag("messaging.destination.name", record.topic())
                    .startTimestamp(started.toEpochMilli(), TimeUnit.MILLISECONDS)
                    .start();
            try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
                log.debug("{} applied {} from {}-{}@{}", projection, record.key(), record.topic(), record.partition(),
                        record.offset());
            } finally {
                span.end();
            }
        }
    }
}
