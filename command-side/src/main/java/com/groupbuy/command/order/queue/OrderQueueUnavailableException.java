package com.groupbuy.command.order.queue;

/** The broker did not take the order in time: the caller gets 503 and may retry with its idempotency key. */
public class OrderQueueUnavailableException extends RuntimeException {

    /** What the caller is told (the problem document's detail), wherever an order is queued. */
    public static final String DETAIL_FOR_CALLER =
            "The order could not be queued; retry with the same Idempotency-Key";

    OrderQueueUnavailableException(Throwable cause) {
        super("the order queue did not acknowledge the order", cause);
    }
}
