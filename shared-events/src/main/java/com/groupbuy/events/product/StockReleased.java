package com.groupbuy.events.product;

import com.groupbuy.events.SchemaVersion;

/** An order's held units are available again (rejected, cancelled or expired order). */
@SchemaVersion(1)
public record StockReleased(String sku, String orderId, int quantity) implements ProductEvent {
}
