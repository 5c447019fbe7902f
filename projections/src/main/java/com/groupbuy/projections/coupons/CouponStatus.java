package com.groupbuy.projections.coupons;

enum CouponStatus {
    AVAILABLE,
    REDEEMED
}
