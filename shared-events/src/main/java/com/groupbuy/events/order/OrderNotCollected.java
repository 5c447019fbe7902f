package com.groupbuy.events.order;

import com.groupbuy.events.SchemaVersion;

/**
 * A ready order was not collected by its {@code collectBy} time. It stays paid (nothing is refunded); staff may
 * still hand it over if the customer comes later.
 */
@SchemaVersion(1)
public record OrderNotCollected(String orderId, String userId) implements OrderEvent {
}
