package com.groupbuy.query.coupons;

/** The statuses of a coupon; the values the {@code status} filter accepts. */
enum CouponStatus {
    AVAILABLE,
    REDEEMED
}
