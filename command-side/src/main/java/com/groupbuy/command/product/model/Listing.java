package com.groupbuy.command.product.model;

/** What a product is listed as: its category and list price. */
public record Listing(String sku, String category, long listPriceCents) {
}
