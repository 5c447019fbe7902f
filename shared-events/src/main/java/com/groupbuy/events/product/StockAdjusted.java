package com.groupbuy.events.product;

import com.groupbuy.events.SchemaVersion;

/** Stock on hand changed by {@code delta} units (a delivery, a stock count, a write-off). */
@SchemaVersion(1)
public record StockAdjusted(String sku, int delta, int stockAfter) implements ProductEvent {
}
