package com.groupbuy.events.groupbuy;

import com.groupbuy.events.SchemaVersion;

import java.time.Instant;

/**
 * A customer opened a group of a deal; it needs {@code groupSize} paid members before {@code expiresAt}. The opener
 * joins it at once ({@link GroupMemberJoined} follows).
 */
@SchemaVersion(1)
public record GroupOpened(String groupId, String groupBuyId, String sku, long groupPriceCents, int groupSize,
                          String openedBy, Instant openedAt, Instant expiresAt) implements GroupEvent {
}
