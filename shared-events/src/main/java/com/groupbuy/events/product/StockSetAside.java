package com.groupbuy.events.product;

import com.groupbuy.events.SchemaVersion;

/**
 * Units leave the product's stock on hand for a promotion that sells them on its own (a flash sale);
 * {@code holderId} names it. What it does not sell comes back as {@link StockReturned}.
 */
@SchemaVersion(1)
public record StockSetAside(String sku, String holderId, int quantity, int stockAfter) implements ProductEvent {
}
