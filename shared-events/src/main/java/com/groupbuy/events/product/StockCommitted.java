package com.groupbuy.events.product;

import com.groupbuy.events.SchemaVersion;

/** An order's held units are sold: they leave the stock on hand. */
@SchemaVersion(1)
public record StockCommitted(String sku, String orderId, int quantity) implements ProductEvent {
}
