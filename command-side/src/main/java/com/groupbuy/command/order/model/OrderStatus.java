package com.groupbuy.command.order.model;

public enum OrderStatus {
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
    NOT_COLLECTED
}
