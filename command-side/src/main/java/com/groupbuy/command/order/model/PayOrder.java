package com.groupbuy.command.order.model;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record PayOrder(@TargetAggregateIdentifier String orderId, String userId, long amountCents, String paymentRef) {
}
