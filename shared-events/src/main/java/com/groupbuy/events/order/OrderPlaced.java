package com.groupbuy.events.order;

import com.groupbuy.events.SchemaVersion;

import java.util.List;

/** The order request was accepted from the order queue; the order is PENDING. */
@SchemaVersion(2)
public record OrderPlaced(String orderId, String userId, List<OrderItem> items, String couponId, Promotion promotion)
        implements OrderEvent {

    /** A regular order's event, under no promotion. */
    public OrderPlaced(String orderId, String userId, List<OrderItem> items, String couponId) {
        this(orderId, userId, items, couponId, null);
    }
}
