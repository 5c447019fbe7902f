package com.groupbuy.query.coupons;

import java.time.Instant;

/** A coupon as its owner sees it; {@code orderId} and {@code discountCents} are set while it is REDEEMED. */
record CouponView(String couponId, String campaignId, String status, CouponTermsView terms, String orderId,
                  Long discountCents, Instant issuedAt, Instant updatedAt) {
}
