package com.groupbuy.events.product;

import com.groupbuy.events.SchemaVersion;

/** A delisted product is back on the menu, at its last price and with its stock. */
@SchemaVersion(1)
public record ProductRelisted(String sku) implements ProductEvent {
}
