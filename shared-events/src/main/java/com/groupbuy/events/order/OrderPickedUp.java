package com.groupbuy.events.order;

import com.groupbuy.events.SchemaVersion;

/** The customer showed the order's pickup code and store staff ({@code staffId}) handed the order over. */
@SchemaVersion(1)
public record OrderPickedUp(String orderId, String userId, String staffId) implements OrderEvent {
}
