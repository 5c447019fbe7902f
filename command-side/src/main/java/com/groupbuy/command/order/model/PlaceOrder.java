package com.groupbuy.command.order.model;

import com.groupbuy.events.order.OrderItem;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/** Accept an order request from the order queue. Placing an order that exists already changes nothing. */
public record PlaceOrder(@TargetAggregateIdentifier String orderId, String userId, List<OrderItem> items, String couponId) {
}
