package com.groupbuy.contract;

/** The stable {@code code} of every problem+json answer and every business rejection. */
public enum ErrorCode {
    VALIDATION_FAILED,
    MALFORMED_REQUEST,
    PAYLOAD_TOO_LARGE,
    UNAUTHORIZED,
    FORBIDDEN,
    NOT_FOUND,
    ALREADY_EXISTS,
    ILLEGAL_STATE,
    INSUFFICIENT_STOCK,
    SOLD_OUT,
    DELISTED,
    LIMIT_REACHED,
    NOT_STARTED,
    ENDED,
    COUPON_NOT_APPLICABLE,
    PAYMENT_MISMATCH,
    PICKUP_CODE_MISMATCH,
    GROUP_FULL,
    GROUP_CLOSED,
    ALREADY_MEMBER,
    GROUP_FAILED,
    RATE_LIMITED,
    UNAVAILABLE,
    IDEMPOTENCY_KEY_REUSED,
    OVERLOADED,
    INTERNAL_ERROR
}
