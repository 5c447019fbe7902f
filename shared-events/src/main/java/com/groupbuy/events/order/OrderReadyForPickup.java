package com.groupbuy.events.order;

import com.groupbuy.events.SchemaVersion;

import java.time.Instant;

/** The order is made and waits at the counter until {@code collectBy}; after that it is not collected. */
@SchemaVersion(1)
public record OrderReadyForPickup(String orderId, String userId, String staffId, Instant collectBy)
        implements OrderEvent {
}
