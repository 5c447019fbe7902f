package com.groupbuy.events.groupbuy;

import com.groupbuy.events.SchemaVersion;

import java.time.Instant;
import java.util.List;

/**
 * A group-buy deal was created: between {@code startsAt} and {@code endsAt} customers may open groups for
 * {@code sku}; a group that has {@code groupSize} paid members within {@code windowSeconds} of opening buys at
 * {@code groupPriceCents} a unit. With {@code happyHours}, groups open only within those recurring hours (null: at
 * any time between start and end). Members may choose options of the product's groups named in
 * {@code allowedOptions}, at their price on top of the group price (null or empty: the standard make only).
 */
@SchemaVersion(1)
public record GroupBuyCreated(String groupBuyId, String sku, String category, long groupPriceCents, int groupSize,
                              long windowSeconds, Instant startsAt, Instant endsAt, HappyHours happyHours,
                              List<String> allowedOptions)
        implements GroupBuyEvent {

    /** A deal open at any time between its start and end. */
    public GroupBuyCreated(String groupBuyId, String sku, String category, long groupPriceCents, int groupSize,
                           long windowSeconds, Instant startsAt, Instant endsAt) {
        this(groupBuyId, sku, category, groupPriceCents, groupSize, windowSeconds, startsAt, endsAt, null, null);
    }

    /** A deal that sells the standard make only. */
    public GroupBuyCreated(String groupBuyId, String sku, String category, long groupPriceCents, int groupSize,
                           long windowSeconds, Instant startsAt, Instant endsAt, HappyHours happyHours) {
        this(groupBuyId, sku, category, groupPriceCents, groupSize, windowSeconds, startsAt, endsAt, happyHours,
                null);
    }
}
