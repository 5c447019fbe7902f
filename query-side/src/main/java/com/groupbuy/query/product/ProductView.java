package com.groupbuy.query.product;

import java.time.Instant;

/**
 * A product as storefronts see it; {@code availableStock} is live (Redis). {@code status} says whether it can be
 * ordered, whatever its stock: {@code ON_SALE}, {@code SOLD_OUT} (until {@code soldOutUntil}, the end of the shop's
 * day) or {@code DELISTED} (off the menu).
 */
record ProductView(String sku, String name, String category, long priceCents, int availableStock, MenuStatus status,
                   Instant soldOutUntil) {

    enum MenuStatus {
        ON_SALE, SOLD_OUT, DELISTED
    }
}
