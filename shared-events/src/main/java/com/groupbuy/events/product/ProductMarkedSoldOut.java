package com.groupbuy.events.product;

import com.groupbuy.events.SchemaVersion;

import java.time.Instant;

/**
 * The shop cannot make the product until {@code until} (the end of its business day), whatever the stock says:
 * orders for it are refused with SOLD_OUT until then, or until {@link ProductBackOnSale}.
 */
@SchemaVersion(1)
public record ProductMarkedSoldOut(String sku, Instant until) implements ProductEvent {
}
