package com.groupbuy.query.coupons;

/**
 * The statuses of a coupon; the values the {@code status} filter accepts. {@code EXPIRED} is not stored: it is an
 * available coupon whose {@code validUntil} has passed, which no order can redeem any more.
 */
enum CouponStatus {
    AVAILABLE,
    REDEEMED,
    EXPIRED
}
