package com.groupbuy.query.groupbuys;

import java.time.Instant;

/** A group of a deal as storefronts see it: how many have joined and paid of how many it needs, and until when. */
record GroupView(String groupId, String groupBuyId, String sku, long groupPriceCents, int groupSize, int members,
                 int paidMembers, GroupStatus status, Instant openedAt, Instant expiresAt) {
}
