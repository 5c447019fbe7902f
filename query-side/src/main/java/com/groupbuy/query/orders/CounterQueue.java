package com.groupbuy.query.orders;

import java.time.Instant;
import java.util.List;

/** What the counter has to make and hand over, oldest first. */
record CounterQueue(List<Entry> items) {

    /**
     * An order at the counter: {@code status} PAID (to start), PREPARING or READY (waiting for its customer until
     * {@code collectBy}); {@code since} is when it could first be prepared (its payment, or its group's completion).
     */
    record Entry(String orderId, String pickupCode, String status, Instant since, Instant collectBy,
                 String promotionKind, List<OrderView.Line> lines) {

        Entry with(List<OrderView.Line> orderLines) {
            return new Entry(orderId, pickupCode, status, since, collectBy, promotionKind, orderLines);
        }
    }
}
