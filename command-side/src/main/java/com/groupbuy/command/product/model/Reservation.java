package com.groupbuy.command.product.model;

/** What a reservation answers: the units held and the price and category they sell at. */
public record Reservation(String sku, int quantity, long unitPriceCents, String category) {
}
