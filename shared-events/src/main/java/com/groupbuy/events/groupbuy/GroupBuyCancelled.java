package com.groupbuy.events.groupbuy;

import com.groupbuy.events.SchemaVersion;

/**
 * An admin cancelled the deal for good: no group opens or takes members any more, and every group of it still open
 * fails ({@code GroupFailed}), so its members' orders settle as for any failed group.
 */
@SchemaVersion(1)
public record GroupBuyCancelled(String groupBuyId) implements GroupBuyEvent {
}
