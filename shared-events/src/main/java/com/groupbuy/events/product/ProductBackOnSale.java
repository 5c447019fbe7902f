package com.groupbuy.events.product;

import com.groupbuy.events.SchemaVersion;

/** A product marked sold out sells again: put back by staff, or its day ended. */
@SchemaVersion(1)
public record ProductBackOnSale(String sku) implements ProductEvent {
}
