package com.groupbuy.events.product;

import com.groupbuy.events.SchemaVersion;

/**
 * Units come back to the stock on hand: a promotion's leftovers, or a refunded order's sold units.
 * {@code sourceId} names where they come from; {@code returnedInAll} is everything that source has given back.
 */
@SchemaVersion(1)
public record StockReturned(String sku, String sourceId, int quantity, int returnedInAll, int stockAfter)
        implements ProductEvent {
}
