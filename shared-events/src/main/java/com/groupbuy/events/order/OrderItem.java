package com.groupbuy.events.order;

/** A line as the customer asked for it. */
public record OrderItem(String sku, int quantity) {
}
