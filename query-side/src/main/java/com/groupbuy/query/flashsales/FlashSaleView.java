package com.groupbuy.query.flashsales;

import java.time.Instant;

/**
 * A flash sale as storefronts see it. {@code remaining} is the sale's own count of units not held or sold by
 * orders, as of the last event the read model applied.
 */
record FlashSaleView(String flashSaleId, String sku, long priceCents, int quantity, int perUserLimit, int remaining,
                     Instant startsAt, Instant endsAt, FlashSaleStatus status) {
}
