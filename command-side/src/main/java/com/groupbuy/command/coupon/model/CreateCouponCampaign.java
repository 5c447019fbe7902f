package com.groupbuy.command.coupon.model;

import com.groupbuy.events.coupon.CouponTerms;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An admin creates a campaign; created again with the same {@code campaignId}, it stays as it was. */
public record CreateCouponCampaign(@TargetAggregateIdentifier String campaignId, CouponTerms terms, int totalQuantity,
                                   int perUserLimit) {
}
