package com.groupbuy.events.groupbuy;

import com.groupbuy.events.SchemaVersion;

/** An admin resumed a paused deal: groups open and take members again, within the deal's window. */
@SchemaVersion(1)
public record GroupBuyResumed(String groupBuyId) implements GroupBuyEvent {
}
