package com.groupbuy.events.coupon;

import com.groupbuy.events.SchemaVersion;

@SchemaVersion(1)
public record CouponCampaignCreated(String campaignId, CouponTerms terms, int totalQuantity, int perUserLimit)
        implements CouponCampaignEvent {
}
