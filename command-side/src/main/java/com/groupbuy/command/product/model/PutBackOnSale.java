package com.groupbuy.command.product.model;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A product marked sold out sells again before its day ends. */
public record PutBackOnSale(@TargetAggregateIdentifier String sku) {
}
