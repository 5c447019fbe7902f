package com.groupbuy.command.order.process;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.test.utils.RecordingCommandBus;

import java.util.List;
import java.util.function.Function;

/** A command bus that answers each command as a scenario says and records what was sent, in order. */
final class ScriptedCommands {

    private final RecordingCommandBus bus = new RecordingCommandBus();

    ScriptedCommands answering(Function<Object, Object> answers) {
        bus.setCallbackBehavior((payload, metaData) -> answers.apply(payload));
        return this;
    }

    CommandGateway gateway() {
        return DefaultCommandGateway.builder().commandBus(bus).build();
    }

    List<Object> sent() {
        return bus.getDispatchedCommands().stream().map(CommandMessage::getPayload).map(Object.class::cast).toList();
    }
}
