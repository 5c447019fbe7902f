package com.groupbuy.events.groupbuy;

import com.groupbuy.events.SchemaVersion;

import java.util.List;

/**
 * The group's window closed before it had enough paid members: the paid orders ({@code paidOrderIds}) are to be
 * refunded, the others ({@code unpaidOrderIds}) cancelled, and their stock and coupons released.
 */
@SchemaVersion(1)
public record GroupFailed(String groupId, String groupBuyId, int groupSize, List<String> paidOrderIds,
                          List<String> unpaidOrderIds) implements GroupEvent {
}
