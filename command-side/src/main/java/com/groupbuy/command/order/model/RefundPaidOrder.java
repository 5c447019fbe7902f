package com.groupbuy.command.order.model;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An admin pays a paid order back, saying why ({@code note}): all that is left of its payment when
 * {@code amountCents} is null or that much, otherwise just {@code amountCents} (a partial refund, money only). A full
 * refund repeated changes nothing. Before the counter started making it, a full refund returns its units to stock and
 * restores its coupon; after, only the money goes back.
 */
public record RefundPaidOrder(@TargetAggregateIdentifier String orderId, String adminId, String note,
                              Long amountCents) {

    /** A full refund. */
    public RefundPaidOrder(String orderId, String adminId, String note) {
        this(orderId, adminId, note, null);
    }
}
