package com.groupbuy.query.product;

/** A product as storefronts see it; {@code availableStock} is live (Redis). */
record ProductView(String sku, String name, String category, long priceCents, int availableStock) {
}
