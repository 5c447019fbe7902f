package com.groupbuy.events.coupon;

import com.groupbuy.events.SchemaVersion;

/** One coupon of the campaign went to a customer; {@code claimedInAll} counts the campaign's claims so far. */
@SchemaVersion(1)
public record CouponClaimed(String campaignId, String couponId, String userId, int claimedInAll)
        implements CouponCampaignEvent {
}
