package com.groupbuy.events.groupbuy;

import com.groupbuy.events.SchemaVersion;

/** An admin paused the deal: no group opens and nobody joins one until it is resumed; open groups keep running. */
@SchemaVersion(1)
public record GroupBuyPaused(String groupBuyId) implements GroupBuyEvent {
}
