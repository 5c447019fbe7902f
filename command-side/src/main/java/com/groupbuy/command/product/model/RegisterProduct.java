package com.groupbuy.command.product.model;

public record RegisterProduct(String sku, String name, String category, long priceCents, int initialStock) {
}
