package com.groupbuy.command.infrastructure.tracing;

import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

import java.util.Map;

/** The trace of the message being handled goes into every message its handler creates: events, commands, deadlines. */
final class TraceContextCorrelation implements CorrelationDataProvider {

    private final TraceContextMetadata traces;

    TraceContextCorrelation(TraceContextMetadata traces) {
        this.traces = traces;
    }

    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        return traces.carriedBy(message.getMetaData());
    }
}
