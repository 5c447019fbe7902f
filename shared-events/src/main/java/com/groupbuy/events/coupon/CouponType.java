package com.groupbuy.events.coupon;

public enum CouponType {
    AMOUNT_OFF,
    PERCENT_OFF
}
