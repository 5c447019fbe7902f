package com.groupbuy.events.order;

import com.groupbuy.events.SchemaVersion;

import java.util.List;

@SchemaVersion(2)
public record OrderPaid(String orderId, String userId, long amountCents, String paymentRef, List<PricedLine> lines,
                        Promotion promotion)
        implements OrderEvent {

    /** A regular order's event, under no promotion. */
    public OrderPaid(String orderId, String userId, long amountCents, String paymentRef, List<PricedLine> lines) {
        this(orderId, userId, amountCents, paymentRef, lines, null);
    }
}
