package com.groupbuy.query.coupons;

import java.time.Instant;

/**
 * A campaign's analytics. {@code redeemed} counts redemptions, {@code restored} the ones undone (cancelled,
 * expired, refunded orders), {@code discountGivenCents} the discount of the redemptions that stand. Terms and
 * quantities are null while the campaign's creation has not reached the read model.
 */
record CampaignStats(String campaignId, CouponTermsView terms, Integer totalQuantity, Integer perUserLimit,
                     int claimed, Integer remaining, int redeemed, int restored, int redeemedNet,
                     long discountGivenCents, Instant createdAt, Instant updatedAt, Instant stoppedAt) {
}
