package com.groupbuy.command.product.model;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ask a product what it sells at: answers its {@link Listing}; an unknown SKU fails with not-found. */
public record DescribeProduct(@TargetAggregateIdentifier String sku) {
}
