package com.groupbuy.events.product;

import com.groupbuy.events.SchemaVersion;

/**
 * The product moved to {@code category} (from {@code previousCategory}). Units reserved from now on count in the
 * new category; sales already made stay in the category they were made in.
 */
@SchemaVersion(1)
public record ProductRecategorised(String sku, String category, String previousCategory) implements ProductEvent {
}
