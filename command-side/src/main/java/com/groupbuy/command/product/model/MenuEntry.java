package com.groupbuy.command.product.model;

import com.groupbuy.events.product.OptionGroup;

import java.time.Instant;
import java.util.List;

/** A product as the menu shows it after a change; {@code soldOutUntil} is set while it is {@code SOLD_OUT}. */
public record MenuEntry(String sku, String name, String category, long priceCents, MenuStatus status,
                        Instant soldOutUntil, List<OptionGroup> optionGroups) {
}
