package com.groupbuy.query.orders;

/** The statuses an order can have (SPEC.md); the values the {@code status} filter accepts. */
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
    NOT_COLLECTED
}
