package com.groupbuy.events.order;

import com.groupbuy.events.SchemaVersion;

import java.util.List;

/** Not paid within the payment window; its held stock and coupon are to be released. */
@SchemaVersion(2)
public record OrderExpired(String orderId, String userId, List<PricedLine> lines, String couponId, Promotion promotion)
        implements OrderEvent {

    /** A regular order's event, under no promotion. */
    public OrderExpired(String orderId, String userId, List<PricedLine> lines, String couponId) {
        this(orderId, userId, lines, couponId, null);
    }
}
