package com.groupbuy.command.product.model;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record AdjustStock(@TargetAggregateIdentifier String sku, int delta) {
}
