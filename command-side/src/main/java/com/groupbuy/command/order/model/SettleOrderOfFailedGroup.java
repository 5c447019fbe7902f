package com.groupbuy.command.order.model;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * The order's group failed: a paid order is refunded, a confirmed one cancelled, a pending one rejected; an order
 * that has ended already stays as it is. Settling it again changes nothing.
 */
public record SettleOrderOfFailedGroup(@TargetAggregateIdentifier String orderId) {
}
