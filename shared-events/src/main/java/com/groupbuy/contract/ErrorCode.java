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
    LIMIT_REACHED,
    NOT_STARTED,
    ENDED,
    COUPON_NOT_APPLICABLE,
    PAYMENT_MISMATCH,
    IDEMPOTENCY_KEY_REUSED,
    OVERLOADED,
    INTERNAL_ERROR
}
