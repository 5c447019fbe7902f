package com.groupbuy.command.order.queue;

import com.groupbuy.events.order.OrderItem;

import java.time.Instant;
import java.util.List;

/** A customer's order as the api accepted it, waiting on the order queue for a worker. */
public record OrderRequest(String orderId, String userId, List<OrderItem> items, String couponId,
                           Instant acceptedAt) {
}
