package com.groupbuy.command.product.model;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record Relist(@TargetAggregateIdentifier String sku) {
}
