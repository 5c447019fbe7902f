package com.groupbuy.command.coupon.model;

import com.groupbuy.events.coupon.CouponTerms;

public record CreateCouponCampaign(String campaignId, CouponTerms terms, int totalQuantity, int perUserLimit) {
}
