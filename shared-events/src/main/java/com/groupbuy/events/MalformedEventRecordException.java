package com.groupbuy.events;

/** A record on an event topic that can never be applied: it belongs on the dead-letter topic. */
public class MalformedEventRecordException extends RuntimeException {

    public MalformedEventRecordException(String message) {
        super(message);
    }
}
