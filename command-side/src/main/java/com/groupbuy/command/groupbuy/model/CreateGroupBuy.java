package com.groupbuy.command.groupbuy.model;

import com.groupbuy.command.product.model.Listing;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Offer a product at a group price to groups of {@code groupSize} that fill within {@code windowSeconds}; created
 * again with the same {@code groupBuyId}, the deal stays as it was.
 */
public record CreateGroupBuy(@TargetAggregateIdentifier String groupBuyId, Listing product, long groupPriceCents,
                             int groupSize, long windowSeconds, Instant startsAt, Instant endsAt) {
}
