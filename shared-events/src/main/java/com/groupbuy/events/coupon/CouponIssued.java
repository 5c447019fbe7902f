package com.groupbuy.events.coupon;

import com.groupbuy.events.SchemaVersion;

/** The coupon a claim created, owned by {@code userId}, with its campaign's terms. */
@SchemaVersion(1)
public record CouponIssued(String couponId, String campaignId, String userId, CouponTerms terms)
        implements CouponEvent {
}
