package com.groupbuy.command.product.model;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Sell the product at {@code priceCents} from now on; orders already priced keep their price. */
public record ChangePrice(@TargetAggregateIdentifier String sku, long priceCents) {
}
