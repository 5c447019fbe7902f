package com.groupbuy.command.flashsale.model;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Open a flash sale over units already set aside from the product (its {@code category} comes with them); scheduled
 * again with the same {@code flashSaleId}, the sale stays as it was.
 */
public record ScheduleFlashSale(@TargetAggregateIdentifier String flashSaleId, String sku, String category,
                                long priceCents, int quantity, int perUserLimit, Instant startsAt, Instant endsAt) {
}
