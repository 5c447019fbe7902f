package com.groupbuy.query.product;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.groupbuy.events.product.OptionGroup;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;

/**
 * A product as storefronts see it; {@code availableStock} is live (Redis). {@code status} says whether it can be
 * ordered, whatever its stock: {@code ON_SALE}, {@code SOLD_OUT} (until {@code soldOutUntil}, the end of the shop's
 * day) or {@code DELISTED} (off the menu). {@code optionGroups} is the JSON array of the drink's options as the
 * product cache keeps it (passed through, not parsed: this is the hottest read).
 */
record ProductView(String sku, String name, String category, long priceCents, int availableStock, MenuStatus status,
                   Instant soldOutUntil,
                   @JsonRawValue @Schema(type = "array", implementation = OptionGroup.class) String optionGroups) {

    enum MenuStatus {
        ON_SALE, SOLD_OUT, DELISTED
    }
}
