package com.groupbuy.events.order;

import java.util.List;

/**
 * A line with the price it was sold at; {@code unitPriceCents} includes what its {@code options} add. Records
 * written before drinks had options have none.
 */
public record PricedLine(String sku, String category, int quantity, long unitPriceCents, List<ChosenOption> options) {

    public PricedLine {
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** A line without options. */
    public PricedLine(String sku, String category, int quantity, long unitPriceCents) {
        this(sku, category, quantity, unitPriceCents, List.of());
    }

    public long lineTotalCents() {
        return unitPriceCents * quantity;
    }
}
