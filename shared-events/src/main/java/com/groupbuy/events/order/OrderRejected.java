package com.groupbuy.events.order;

import com.groupbuy.events.SchemaVersion;

import java.util.List;

/** The order could not be confirmed; {@code reason} is an error code such as SOLD_OUT. Nothing stays held. */
@SchemaVersion(2)
public record OrderRejected(String orderId, String userId, String reason, String detail, List<OrderItem> items,
                            String couponId, Promotion promotion) implements OrderEvent {

    /** A regular order's event, under no promotion. */
    public OrderRejected(String orderId, String userId, String reason, String detail, List<OrderItem> items,
                         String couponId) {
        this(orderId, userId, reason, detail, items, couponId, null);
    }
}
