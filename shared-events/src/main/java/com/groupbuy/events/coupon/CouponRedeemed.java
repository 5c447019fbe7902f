package com.groupbuy.events.coupon;

import com.groupbuy.events.SchemaVersion;

@SchemaVersion(1)
public record CouponRedeemed(String couponId, String campaignId, String userId, String orderId, long discountCents)
        implements CouponEvent {
}
