package com.groupbuy.command.coupon.model;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An admin stops a campaign: no more claims. Stopping it again changes nothing. */
public record StopCouponCampaign(@TargetAggregateIdentifier String campaignId) {
}
