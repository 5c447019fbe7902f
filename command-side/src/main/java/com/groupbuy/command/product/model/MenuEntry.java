package com.groupbuy.command.product.model;

import java.time.Instant;

/** A product as the menu shows it after a change; {@code soldOutUntil} is set while it is {@code SOLD_OUT}. */
public record MenuEntry(String sku, String name, String category, long priceCents, MenuStatus status,
                        Instant soldOutUntil) {
}
