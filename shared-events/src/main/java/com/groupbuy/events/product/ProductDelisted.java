package com.groupbuy.events.product;

import com.groupbuy.events.SchemaVersion;

/**
 * The product left the menu: it is not listed, not sold and no new promotion can offer it, until
 * {@link ProductRelisted}. Its stock and the orders already confirmed stay as they are.
 */
@SchemaVersion(1)
public record ProductDelisted(String sku) implements ProductEvent {
}
