package com.groupbuy.events.order;

import com.groupbuy.events.SchemaVersion;

import java.time.Instant;
import java.util.List;

/** Stock is held for every line and the coupon (if any) redeemed; the order awaits payment until paymentDueAt. */
@SchemaVersion(1)
public record OrderConfirmed(String orderId, String userId, List<PricedLine> lines, String couponId,
                             long subtotalCents, long discountCents, long totalCents, Instant paymentDueAt)
        implements OrderEvent {
}
