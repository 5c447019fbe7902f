package com.groupbuy.command.order.model;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The order's group completed: a paid group order becomes final and may be prepared; repeating changes nothing. */
public record RecordGroupCompletion(@TargetAggregateIdentifier String orderId, String groupId) {
}
