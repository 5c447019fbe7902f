package com.groupbuy.events.order;

/** A line with the price it was sold at. */
public record PricedLine(String sku, String category, int quantity, long unitPriceCents) {

    public long lineTotalCents() {
        return unitPriceCents * quantity;
    }
}
