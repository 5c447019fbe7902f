package com.groupbuy.events.product;

import com.groupbuy.events.SchemaVersion;

/**
 * The list price changed to {@code priceCents} (from {@code previousPriceCents}). Orders priced before keep their
 * price; a promotion's own price (a deal's, a sale's) is not the list price and does not change.
 */
@SchemaVersion(1)
public record ProductRepriced(String sku, long priceCents, long previousPriceCents) implements ProductEvent {
}
