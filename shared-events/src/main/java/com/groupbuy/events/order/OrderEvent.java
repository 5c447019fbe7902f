package com.groupbuy.events.order;

import com.groupbuy.events.AggregateType;
import com.groupbuy.events.DomainEvent;

/** Events of the order aggregate. */
public sealed interface OrderEvent extends DomainEvent
        permits OrderPlaced, OrderConfirmed, OrderRejected, OrderPaid, OrderCancelled, OrderExpired,
        OrderRefunded, OrderGroupCompleted, OrderPreparationStarted, OrderReadyForPickup, OrderPickedUp,
        OrderNotCollected, OrderPartiallyRefunded {

    String orderId();

    String userId();

    @Override
    default AggregateType aggregateType() {
        return AggregateType.ORDER;
    }

    @Override
    default String aggregateId() {
        return orderId();
    }
}
