package com.groupbuy.command.order.process;

import org.axonframework.commandhandling.CommandExecutionException;

/** The exception a command handler threw, unwrapped from the command bus's envelope. */
public final class CommandFailures {

    private CommandFailures() {
    }

    public static Throwable causeOf(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CommandExecutionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
