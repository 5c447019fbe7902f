package com.groupbuy.command.order.model;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An admin pays a paid order back in full, saying why ({@code note}); refunding it again changes nothing. Before the
 * counter started making it, its units return to stock and its coupon is restored; after, only the money goes back.
 */
public record RefundPaidOrder(@TargetAggregateIdentifier String orderId, String adminId, String note) {
}
