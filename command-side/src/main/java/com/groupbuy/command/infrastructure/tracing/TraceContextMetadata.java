package com.groupbuy.command.infrastructure.tracing;

import com.groupbuy.platform.observability.RecordTraceHeaders;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.common.header.Headers;
import org.axonframework.messaging.MetaData;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A sampled trace carried in Axon metadata and in Kafka record headers: the fields of the configured propagator
 * ({@code traceparent} with W3C, the default), so that the queued order, the events of a command, the commands of an
 * event handler and the relay's records continue the trace of the HTTP request that started them.
 *
 * <p>Only sampled traces travel. An unsampled trace is recorded nowhere, so carrying it would only cost every
 * message a larger metadata or header set, and every hop a span nobody records (docs/performance.md); this is also
 * why Spring Kafka's observations, which would put every record in a span of its own, are off.
 */
public final class TraceContextMetadata {

    private final Tracer tracer;
    private final Propagator propagator;
    private final List<String> fields;
    private final RecordTraceHeaders headers;

    public TraceContextMetadata(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
        this.fields = List.copyOf(propagator.fields());
        this.headers = new RecordTraceHeaders(propagator);
    }

    /** The metadata entries that carry the current span's trace; empty outside a span and for an unsampled trace. */
    Map<String, String> ofCurrentSpan() {
        Span span = sampledCurrentSpan();
        if (span == null) {
            return Map.of();
        }
        Map<String, String> fields = new HashMap<>();
        propagator.inject(span.context(), fields, Map::put);
        return fields;
    }

    private Span sampledCurrentSpan() {
        Span span = tracer.currentSpan();
        return span != null && Boolean.TRUE.equals(span.context().sampled()) ? span : null;
    }

    /** The trace entries of {@code metaData}, for the messages a handler of that message creates. */
    Map<String, String> carriedBy(MetaData metaData) {
        if (!carries(metaData)) {
            return Map.of();
        }
        Map<String, String> carried = new HashMap<>();
        for (String field : fields) {
            if (metaData.get(field) instanceof String value) {
                carried.put(field, value);
            }
        }
        return carried;
    }

    boolean carries(MetaData metaData) {
        for (String field : fields) {
            if (metaData.containsKey(field)) {
                return true;
            }
        }
        return false;
    }

    /** Writes the current span's trace into a record's {@code headers}, if it is sampled. */
    public void writeCurrentInto(Headers headers) {
        Span span = sampledCurrentSpan();
        if (span != null) {
            writeInto(headers, span);
        }
    }

    /** Writes {@code span}'s trace into a record's {@code headers}. */
    public void writeInto(Headers headers, Span span) {
        this.headers.write(span.context(), headers);
    }

    /**
     * A consumer span that continues the trace a record's {@code headers} carry, named {@code name}, started now;
     * empty when the record carries none.
     */
    public Optional<Span> startContinuing(Headers headers, String name) {
        if (!this.headers.carryTrace(headers)) {
            return Optional.empty();
        }
        return Optional.of(this.headers.continuing(headers).name(name).kind(Span.Kind.CONSUMER).start());
    }

    /**
     * A span that continues the trace {@code metaData} carries, named {@code name}, started now; empty when the
     * message carries no trace (an event stored before tracing, or one of a process without it).
     */
    public Optional<Span> startContinuing(MetaData metaData, String name) {
        if (!carries(metaData)) {
            return Optional.empty();
        }
        return Optional.of(propagator.extract(metaData, (carrier, key) ->
                carrier.get(key) instanceof String value ? value : null).name(name).start());
    }

    public Tracer tracer() {
        return tracer;
    }
}
