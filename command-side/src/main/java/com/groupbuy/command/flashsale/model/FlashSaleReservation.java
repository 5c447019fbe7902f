package com.groupbuy.command.flashsale.model;

/** Units of a flash sale held for an order, at the sale's price. */
public record FlashSaleReservation(String sku, String category, int quantity, long unitPriceCents) {
}
