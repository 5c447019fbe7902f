package com.groupbuy.events.coupon;

import com.groupbuy.events.SchemaVersion;

/**
 * An admin stopped the campaign: no coupon can be claimed from it any more; coupons claimed before stay valid until
 * their {@code validUntil}. {@code claimedInAll} is how many were claimed by then.
 */
@SchemaVersion(1)
public record CouponCampaignStopped(String campaignId, int claimedInAll) implements CouponCampaignEvent {
}
