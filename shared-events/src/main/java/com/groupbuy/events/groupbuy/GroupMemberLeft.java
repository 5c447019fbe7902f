package com.groupbuy.events.groupbuy;

import com.groupbuy.events.SchemaVersion;

/**
 * A member's order ended unpaid (rejected, cancelled or expired) while the group was open, so the member's place is
 * free again; the group now has {@code members} members. {@code reason} is the order's end, e.g. {@code EXPIRED}.
 */
@SchemaVersion(1)
public record GroupMemberLeft(String groupId, String groupBuyId, String userId, String orderId, int members,
                              String reason) implements GroupEvent {
}
