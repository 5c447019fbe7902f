package com.groupbuy.query.sales;

import java.time.Instant;

/**
 * Paid sales of one SKU in one bucket: {@code orders} paid orders with {@code units} units; {@code revenueCents} is
 * what was paid for them, {@code discountCents} their share of the orders' discounts, and their sum
 * {@code grossCents} the list value.
 */
record SalesRow(Instant bucketStart, String sku, String category, long orders, long units, long revenueCents,
                long discountCents, long grossCents) {
}
