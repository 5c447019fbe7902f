package com.groupbuy.query.groupbuys;

import java.time.Instant;

/**
 * A deal's performance for analysts: groups opened and how they ended, members who joined (including those whose
 * orders later ended unpaid), members who paid, and the share of ended groups that completed; {@code status} is
 * ACTIVE, PAUSED or CANCELLED ({@code cancelledAt}), null while the deal has not reached the read model.
 */
record GroupBuyStats(String groupBuyId, String sku, Long groupPriceCents, Integer groupSize, Instant startsAt,
                     Instant endsAt, long groupsOpened, long groupsOpen, long groupsCompleted, long groupsFailed,
                     long membersJoined, long membersNow, long membersPaid, double completionRate, String status,
                     Instant cancelledAt) {
}
