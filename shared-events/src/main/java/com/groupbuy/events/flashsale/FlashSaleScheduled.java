package com.groupbuy.events.flashsale;

import com.groupbuy.events.SchemaVersion;
import com.groupbuy.events.groupbuy.HappyHours;

import java.time.Instant;

/**
 * {@code quantity} units of {@code sku} were set aside from its stock, to sell at {@code priceCents} between
 * {@code startsAt} and {@code endsAt}; with {@code happyHours}, only within those recurring hours (null: at any time
 * between start and end).
 */
@SchemaVersion(1)
public record FlashSaleScheduled(String flashSaleId, String sku, String category, long priceCents, int quantity,
                                 int perUserLimit, Instant startsAt, Instant endsAt, HappyHours happyHours)
        implements FlashSaleEvent {

    /** A sale open at any time between its start and end. */
    public FlashSaleScheduled(String flashSaleId, String sku, String category, long priceCents, int quantity,
                              int perUserLimit, Instant startsAt, Instant endsAt) {
        this(flashSaleId, sku, category, priceCents, quantity, perUserLimit, startsAt, endsAt, null);
    }
}
