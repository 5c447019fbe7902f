package com.groupbuy.events.product;

import com.groupbuy.events.SchemaVersion;

/** The product is called {@code name} from now on. */
@SchemaVersion(1)
public record ProductRenamed(String sku, String name) implements ProductEvent {
}
