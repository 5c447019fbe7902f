package com.groupbuy.command.order.model;

public enum OrderStatus {
    PENDING,
    CONFIRMED,
    REJECTED,
    PAID,
    CANCELLED,
    EXPIRED,
    REFUNDED
}
