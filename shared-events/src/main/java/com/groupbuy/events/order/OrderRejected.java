package com.groupbuy.events.order;

import com.groupbuy.events.SchemaVersion;

import java.util.List;

/** The order could not be confirmed; {@code reason} is an error code such as SOLD_OUT. Nothing stays held. */
@SchemaVersion(1)
public record OrderRejected(String orderId, String userId, String reason, String detail, List<OrderItem> items,
                            String couponId) implements OrderEvent {
}
