package com.groupbuy.command.groupbuy.model;

import com.groupbuy.command.product.model.Listing;
import com.groupbuy.events.groupbuy.HappyHours;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/**
 * Offer a product at a group price to groups of {@code groupSize} that fill within {@code windowSeconds}; created
 * again with the same {@code groupBuyId}, the deal stays as it was. With {@code happyHours} (or null), groups open
 * only within them. Members may choose options of the product's groups named in {@code allowedOptions} (empty: the
 * standard make only).
 */
public record CreateGroupBuy(@TargetAggregateIdentifier String groupBuyId, Listing product, long groupPriceCents,
                             int groupSize, long windowSeconds, Instant startsAt, Instant endsAt,
                             HappyHours happyHours, List<String> allowedOptions) {

    public CreateGroupBuy {
        allowedOptions = allowedOptions == null ? List.of() : List.copyOf(allowedOptions);
    }

    /** A deal that sells the standard make only. */
    public CreateGroupBuy(String groupBuyId, Listing product, long groupPriceCents, int groupSize, long windowSeconds,
                          Instant startsAt, Instant endsAt, HappyHours happyHours) {
        this(groupBuyId, product, groupPriceCents, groupSize, windowSeconds, startsAt, endsAt, happyHours, null);
    }

    /** A deal open at any time between its start and end. */
    public CreateGroupBuy(String groupBuyId, Listing product, long groupPriceCents, int groupSize, long windowSeconds,
                          Instant startsAt, Instant endsAt) {
        this(groupBuyId, product, groupPriceCents, groupSize, windowSeconds, startsAt, endsAt, null, null);
    }
}
