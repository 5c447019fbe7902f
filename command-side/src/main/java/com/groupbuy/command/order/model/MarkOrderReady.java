package com.groupbuy.command.order.model;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The order is made and put on the counter, to be collected by {@code collectBy}; repeating changes nothing. */
public record MarkOrderReady(@TargetAggregateIdentifier String orderId, String staffId, Instant collectBy) {
}
