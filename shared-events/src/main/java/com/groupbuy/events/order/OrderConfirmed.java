package com.groupbuy.events.order;

import com.groupbuy.events.SchemaVersion;

import java.time.Instant;
import java.util.List;

/** Stock is held for every line and the coupon (if any) redeemed; the order awaits payment until paymentDueAt. */
@SchemaVersion(2)
public record OrderConfirmed(String orderId, String userId, List<PricedLine> lines, String couponId,
                             long subtotalCents, long discountCents, long totalCents, Instant paymentDueAt,
                             Promotion promotion)
        implements OrderEvent {

    /** A regular order's event, under no promotion. */
    public OrderConfirmed(String orderId, String userId, List<PricedLine> lines, String couponId,
                          long subtotalCents, long discountCents, long totalCents, Instant paymentDueAt) {
        this(orderId, userId, lines, couponId, subtotalCents, discountCents, totalCents, paymentDueAt, null);
    }
}
