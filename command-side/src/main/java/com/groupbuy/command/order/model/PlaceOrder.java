package com.groupbuy.command.order.model;

import com.groupbuy.events.order.OrderItem;
import com.groupbuy.events.order.Promotion;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * Accept an order request from the order queue, under a promotion or none. Placing an order that exists already
 * changes nothing.
 */
public record PlaceOrder(@TargetAggregateIdentifier String orderId, String userId, List<OrderItem> items, String couponId,
                         Promotion promotion) {
}
