package com.groupbuy.command.product.model;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Give an order's held units back; nothing happens when the order holds none. */
public record ReleaseStock(@TargetAggregateIdentifier String sku, String orderId) {
}
