package com.groupbuy.command.product.model;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RenameProduct(@TargetAggregateIdentifier String sku, String name) {
}
