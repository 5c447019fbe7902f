package com.groupbuy.events.order;

/**
 * An option a line was made with, as the menu had it when the order was priced: its group, its code and name,
 * what it added to the unit price, and the product it drew a unit of per drink ({@code stockSku}, or null).
 */
public record ChosenOption(String group, String code, String name, long priceDeltaCents, String stockSku) {
}
