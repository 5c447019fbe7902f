package com.groupbuy.events.order;

import com.groupbuy.events.SchemaVersion;

/** Store staff ({@code staffId}) started making a paid order; it can no longer be refunded as unprepared. */
@SchemaVersion(1)
public record OrderPreparationStarted(String orderId, String userId, String staffId) implements OrderEvent {
}
