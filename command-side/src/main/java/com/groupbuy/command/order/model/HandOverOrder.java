package com.groupbuy.command.order.model;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Staff hand a ready order to the customer who showed {@code pickupCode}; repeating changes nothing. */
public record HandOverOrder(@TargetAggregateIdentifier String orderId, String staffId, String pickupCode) {
}
