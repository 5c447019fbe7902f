package com.groupbuy.projections.orders;

import com.groupbuy.events.order.OrderCancelled;
import com.groupbuy.events.order.OrderConfirmed;
import com.groupbuy.events.order.OrderEvent;
import com.groupbuy.events.order.OrderExpired;
import com.groupbuy.events.order.OrderPaid;
import com.groupbuy.events.order.OrderPlaced;
import com.groupbuy.events.order.OrderRefunded;
import com.groupbuy.events.order.OrderRejected;

/** The status an order has after each of its events. */
enum OrderStatus {
    PENDING,
    CONFIRMED,
    REJECTED,
    PAID,
    CANCELLED,
    EXPIRED,
    REFUNDED;

    static OrderStatus after(OrderEvent event) {
        return switch (event) {
            case OrderPlaced placed -> PENDING;
            case OrderConfirmed confirmed -> CONFIRMED;
            case OrderRejected rejected -> REJECTED;
            case OrderPaid paid -> PAID;
            case OrderCancelled cancelled -> CANCELLED;
            case OrderExpired expired -> EXPIRED;
            case OrderRefunded refunded -> REFUNDED;
        };
    }
}
