package com.groupbuy.events.groupbuy;

import com.groupbuy.events.SchemaVersion;

/** A member's order was paid; {@code paidMembers} of the group's members have paid. */
@SchemaVersion(1)
public record GroupMemberPaid(String groupId, String groupBuyId, String userId, String orderId, int paidMembers)
        implements GroupEvent {
}
