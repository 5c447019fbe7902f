package com.groupbuy.command.order.queue;

/** The broker did not take the order in time: the caller gets 503 and may retry with its idempotency key. */
public class OrderQueueUnavailableException extends RuntimeException {

    OrderQueueUnavailableException(Throwable cause) {
        super("the order queue did not acknowledge the order", cause);
    }
}
