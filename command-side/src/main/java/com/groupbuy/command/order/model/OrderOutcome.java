package com.groupbuy.command.order.model;

/** Where an order stands after a command; lets the placement process see a request it already finished. */
public record OrderOutcome(String orderId, OrderStatus status) {

    public boolean isSettled() {
        return status != OrderStatus.PENDING;
    }
}
