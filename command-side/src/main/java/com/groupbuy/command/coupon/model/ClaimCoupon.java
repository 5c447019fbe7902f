package com.groupbuy.command.coupon.model;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** A customer takes one coupon of the campaign; {@code couponId} is the id the new coupon gets. */
public record ClaimCoupon(@TargetAggregateIdentifier String campaignId, String userId, String couponId,
                          Instant claimedAt) {
}
