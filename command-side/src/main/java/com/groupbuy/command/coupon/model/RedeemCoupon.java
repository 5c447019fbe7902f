package com.groupbuy.command.coupon.model;

import com.groupbuy.events.order.PricedLine;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** Use the coupon on an order; answers the discount in cents. The same order asking again gets the same answer. */
public record RedeemCoupon(@TargetAggregateIdentifier String couponId, String orderId, String userId,
                           List<PricedLine> lines, Instant redeemedAt) {
}
