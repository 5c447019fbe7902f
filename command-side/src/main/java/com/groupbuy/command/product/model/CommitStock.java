package com.groupbuy.command.product.model;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The order is paid: its held units are sold. Nothing happens when the order holds none. */
public record CommitStock(@TargetAggregateIdentifier String sku, String orderId) {
}
