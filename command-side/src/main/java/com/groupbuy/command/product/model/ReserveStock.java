package com.groupbuy.command.product.model;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Hold units for an order. Answers the {@link Reservation}; asking again for the same order answers it again. */
public record ReserveStock(@TargetAggregateIdentifier String sku, String orderId, int quantity) {
}
