package com.groupbuy.command.infrastructure.tracing;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;

import java.util.List;
import java.util.function.BiFunction;

/**
 * Puts the current span's trace into a command sent outside a unit of work (from an HTTP request or an order taken
 * from the queue); inside one, {@link TraceContextCorrelation} has already copied the handled message's trace.
 */
final class TraceContextDispatchInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    private final TraceContextMetadata traces;

    TraceContextDispatchInterceptor(TraceContextMetadata traces) {
        this.traces = traces;
    }

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, command) -> traces.carries(command.getMetaData())
                ? command
                : command.andMetaData(traces.ofCurrentSpan());
    }
}
