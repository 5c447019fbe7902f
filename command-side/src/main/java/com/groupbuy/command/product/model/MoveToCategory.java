package com.groupbuy.command.product.model;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record MoveToCategory(@TargetAggregateIdentifier String sku, String category) {
}
