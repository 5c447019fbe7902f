package com.groupbuy.command.product.model;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Units come back to the stock on hand from {@code sourceId} (a promotion's leftovers, a refunded order), stated as
 * everything that source has given back in all: only the part not yet counted is added, so a repeat or a late,
 * smaller figure changes nothing.
 */
public record ReturnStock(@TargetAggregateIdentifier String sku, String sourceId, int returnedInAll) {
}
