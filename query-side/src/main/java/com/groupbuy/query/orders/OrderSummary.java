package com.groupbuy.query.orders;

import java.time.Instant;

/** An order in its owner's history, with the promotion it was placed under (null for a regular order). */
record OrderSummary(String orderId, String status, Long subtotalCents, Long discountCents, Long totalCents,
                    String couponId, String reason, OrderPromotion promotion, Instant placedAt, Instant updatedAt) {
}
