package com.groupbuy.events.order;

import com.groupbuy.events.SchemaVersion;

/**
 * The group of a paid group-buy order completed: the order is now final at the group price and may be prepared
 * (until then its group could still fail and refund it).
 */
@SchemaVersion(1)
public record OrderGroupCompleted(String orderId, String userId, String groupId) implements OrderEvent {
}
