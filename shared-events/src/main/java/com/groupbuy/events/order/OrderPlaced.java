package com.groupbuy.events.order;

import com.groupbuy.events.SchemaVersion;

import java.util.List;

/** The order request was accepted from the order queue; the order is PENDING. */
@SchemaVersion(1)
public record OrderPlaced(String orderId, String userId, List<OrderItem> items, String couponId)
        implements OrderEvent {
}
