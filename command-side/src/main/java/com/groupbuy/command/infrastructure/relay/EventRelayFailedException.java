package com.groupbuy.command.infrastructure.relay;

class EventRelayFailedException extends RuntimeException {

    EventRelayFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
