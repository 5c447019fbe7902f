package com.groupbuy.command.order.model;

import com.groupbuy.events.order.PricedLine;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;

/** Every line is held and priced and the coupon (if any) redeemed for {@code discountCents}. */
public record ConfirmOrder(@TargetAggregateIdentifier String orderId, List<PricedLine> lines, long discountCents,
                           Instant paymentDueAt) {
}
