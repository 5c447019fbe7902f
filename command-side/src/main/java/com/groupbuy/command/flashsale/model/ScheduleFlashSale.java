package com.groupbuy.command.flashsale.model;

import com.groupbuy.events.groupbuy.HappyHours;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Open a flash sale over units already set aside from the product (its {@code category} comes with them); scheduled
 * again with the same {@code flashSaleId}, the sale stays as it was. With {@code happyHours} (or null), it sells
 * only within them.
 */
public record ScheduleFlashSale(@TargetAggregateIdentifier String flashSaleId, String sku, String category,
                                long priceCents, int quantity, int perUserLimit, Instant startsAt, Instant endsAt,
                                HappyHours happyHours) {

    /** A sale open at any time between its start and end. */
    public ScheduleFlashSale(String flashSaleId, String sku, String category, long priceCents, int quantity,
                             int perUserLimit, Instant startsAt, Instant endsAt) {
        this(flashSaleId, sku, category, priceCents, quantity, perUserLimit, startsAt, endsAt, null);
    }
}
