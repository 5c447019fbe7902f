package com.groupbuy.platform.observability;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A trace in a Kafka record's headers: the fields of the configured propagator ({@code traceparent} with W3C, the
 * default), as UTF-8 values. The one place that writes and reads them, for the order queue, the relay and the
 * projections alike (decision 0010).
 */
public final class RecordTraceHeaders {

    private final Propagator propagator;
    private final List<String> fields;

    public RecordTraceHeaders(Propagator propagator) {
        this.propagator = propagator;
        this.fields = List.copyOf(propagator.fields());
    }

    /** Writes {@code context}'s trace into {@code headers}. */
    public void write(TraceContext context, Headers headers) {
        propagator.inject(context, headers,
                (carrier, field, value) -> carrier.add(field, value.getBytes(StandardCharsets.UTF_8)));
    }

    public boolean carryTrace(Headers headers) {
        for (String field : fields) {
            if (headers.lastHeader(field) != null) {
                return true;
            }
        }
        return false;
    }

    /** A span, not yet started, in the trace {@code headers} carry; call only where {@link #carryTrace} holds. */
    public Span.Builder continuing(Headers headers) {
        return propagator.extract(headers, RecordTraceHeaders::value);
    }

    private static String value(Headers headers, String field) {
        Header header = headers.lastHeader(field);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
