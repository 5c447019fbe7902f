package com.groupbuy.projections.orders;

import com.groupbuy.events.order.OrderCancelled;
import com.groupbuy.events.order.OrderConfirmed;
import com.groupbuy.events.order.OrderEvent;
import com.groupbuy.events.order.OrderExpired;
import com.groupbuy.events.order.OrderGroupCompleted;
import com.groupbuy.events.order.OrderNotCollected;
import com.groupbuy.events.order.OrderPaid;
import com.groupbuy.events.order.OrderPartiallyRefunded;
import com.groupbuy.events.order.OrderPickedUp;
import com.groupbuy.events.order.OrderPlaced;
import com.groupbuy.events.order.OrderPreparationStarted;
import com.groupbuy.events.order.OrderReadyForPickup;
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
    REFUNDED,
    PREPARING,
    READY,
    PICKED_UP,
    NOT_COLLECTED;

    static OrderStatus after(OrderEvent event) {
        return switch (event) {
            case OrderPlaced placed -> PENDING;
            case OrderConfirmed confirmed -> CONFIRMED;
            case OrderRejected rejected -> REJECTED;
            case OrderPaid paid -> PAID;
            case OrderCancelled cancelled -> CANCELLED;
            case OrderExpired expired -> EXPIRED;
            case OrderRefunded refunded -> REFUNDED;
            case OrderGroupCompleted groupCompleted -> PAID;
            case OrderPreparationStarted started -> PREPARING;
            case OrderReadyForPickup ready -> READY;
            case OrderPickedUp pickedUp -> PICKED_UP;
            case OrderNotCollected notCollected -> NOT_COLLECTED;
            case OrderPartiallyRefunded partly -> valueOf(partly.status());
        };
    }
}
