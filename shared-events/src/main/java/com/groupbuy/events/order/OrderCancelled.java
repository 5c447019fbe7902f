package com.groupbuy.events.order;

import com.groupbuy.events.SchemaVersion;

import java.util.List;

/** Cancelled by its owner before payment; its held stock and coupon are to be released. */
@SchemaVersion(2)
public record OrderCancelled(String orderId, String userId, List<PricedLine> lines, String couponId, Promotion promotion)
        implements OrderEvent {

    /** A regular order's event, under no promotion. */
    public OrderCancelled(String orderId, String userId, List<PricedLine> lines, String couponId) {
        this(orderId, userId, lines, couponId, null);
    }
}
