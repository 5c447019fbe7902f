package com.groupbuy.command.product.model;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Hold units for an order. Answers the {@link Reservation}; asking again for the same order answers it again.
 * {@code unitPriceCents} is a promotion's price for the units (a group buy's); without one they sell at list price.
 */
public record ReserveStock(@TargetAggregateIdentifier String sku, String orderId, int quantity, Long unitPriceCents) {

    /** Units at the product's list price. */
    public ReserveStock(String sku, String orderId, int quantity) {
        this(sku, orderId, quantity, null);
    }

    long priceOr(long listPriceCents) {
        return unitPriceCents != null ? unitPriceCents : listPriceCents;
    }
}
