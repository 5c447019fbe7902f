package com.groupbuy.events.product;

import com.groupbuy.events.SchemaVersion;

/** Units held for an order until it is paid (committed) or released. */
@SchemaVersion(1)
public record StockReserved(String sku, String orderId, int quantity, long unitPriceCents, String category)
        implements ProductEvent {
}
