package com.groupbuy.command.product.model;

/** What a product is listed as: its category, list price and options. */
public record Listing(String sku, String category, long listPriceCents, OptionMenu options) {

    public Listing {
        options = options == null ? OptionMenu.NONE : options;
    }

    public Listing(String sku, String category, long listPriceCents) {
        this(sku, category, listPriceCents, OptionMenu.NONE);
    }
}
