package com.groupbuy.command.coupon.model;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** The order that redeemed the coupon did not go through: the coupon is usable again while still valid. */
public record RestoreCoupon(@TargetAggregateIdentifier String couponId, String orderId, Instant restoredAt) {
}
