package com.groupbuy.command.product.model;

/** Units set aside from a product for a promotion, with the product's list price and category. */
public record Allotment(String sku, int quantity, long listPriceCents, String category) {
}
