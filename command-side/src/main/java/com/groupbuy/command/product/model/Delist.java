package com.groupbuy.command.product.model;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Take the product off the menu: not listed, not sold, not offered by new promotions. */
public record Delist(@TargetAggregateIdentifier String sku) {
}
