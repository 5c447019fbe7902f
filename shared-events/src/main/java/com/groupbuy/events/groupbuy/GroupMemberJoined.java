package com.groupbuy.events.groupbuy;

import com.groupbuy.events.SchemaVersion;

/** A customer joined the group with order {@code orderId}; the group now has {@code members} members. */
@SchemaVersion(1)
public record GroupMemberJoined(String groupId, String groupBuyId, String userId, String orderId, int members)
        implements GroupEvent {
}
