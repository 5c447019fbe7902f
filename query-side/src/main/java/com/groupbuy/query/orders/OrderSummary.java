package com.groupbuy.query.orders;

import java.time.Instant;

/** An order in its owner's history. */
record OrderSummary(String orderId, String status, Long subtotalCents, Long discountCents, Long totalCents,
                    String couponId, String reason, Instant placedAt, Instant updatedAt) {
}
