package com.groupbuy.events.coupon;

import com.groupbuy.events.SchemaVersion;

/** The order that redeemed the coupon did not go through; the coupon can be used again. */
@SchemaVersion(1)
public record CouponRestored(String couponId, String campaignId, String userId, String orderId,
                             long discountCents) implements CouponEvent {
}
