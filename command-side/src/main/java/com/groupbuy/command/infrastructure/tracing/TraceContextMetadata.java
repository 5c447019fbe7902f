package com.groupbuy.command.infrastructure.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.axonframework.messaging.MetaData;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A trace carried in Axon metadata: the fields of the configured propagator ({@code traceparent} with W3C, the
 * default), so that the events of a command, the commands of an event handler and the relay's Kafka records
 * continue the trace of the HTTP request or queued order that started them.
 */
public final class TraceContextMetadata {

    private final Tracer tracer;
    private final Propagator propagator;

    public TraceContextMetadata(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /**
     * The metadata entries that carry the current span's trace; empty outside a span and for a trace that is not
     * sampled. An unsampled trace is recorded nowhere, so carrying it would only cost every command and event a
     * larger metadata to serialize (about 3 % of a worker's CPU per order, docs/performance.md); its messages start
     * no spans downstream either.
     */
    Map<String, String> ofCurrentSpan() {
        Span span = tracer.currentSpan();
        if (span == null || !Boolean.TRUE.equals(span.context().sampled())) {
            return Map.of();
        }
        Map<String, String> fields = new HashMap<>();
        propagator.inject(span.context(), fields, Map::put);
        return fields;
    }

    /** The trace entries of {@code metaData}, for the messages a handler of that message creates. */
    Map<String, String> carriedBy(MetaData metaData) {
        Map<String, String> carried = new HashMap<>();
        for (String field : fields()) {
            if (metaData.get(field) instanceof String value) {
                carried.put(field, value);
            }
        }
        return carried;
    }

    boolean carries(MetaData metaData) {
        return fields().stream().anyMatch(metaData::containsKey);
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

    private List<String> fields() {
        return propagator.fields();
    }
}
