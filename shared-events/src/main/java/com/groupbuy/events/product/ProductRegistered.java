package com.groupbuy.events.product;

import com.groupbuy.events.SchemaVersion;

@SchemaVersion(1)
public record ProductRegistered(String sku, String name, String category, long priceCents, int initialStock)
        implements ProductEvent {
}
