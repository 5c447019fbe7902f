package com.groupbuy.command.product.model;

/**
 * What a reservation answers: the units held and the price and category they sell at, and the drink's options as
 * the menu has them now (to price the line's choices with).
 */
public record Reservation(String sku, int quantity, long unitPriceCents, String category, OptionMenu options) {

    public Reservation {
        options = options == null ? OptionMenu.NONE : options;
    }

    /** A reservation of a product without options. */
    public Reservation(String sku, int quantity, long unitPriceCents, String category) {
        this(sku, quantity, unitPriceCents, category, OptionMenu.NONE);
    }
}
