package com.groupbuy.events.order;

import com.groupbuy.events.SchemaVersion;

import java.util.List;

/**
 * The shop paid back {@code amountCents} of a paid order, less than what is left of its payment ({@code note}: the
 * admin's reason); {@code refundedInAllCents} is what the order's partial refunds come to with this one. Only money
 * moves: the order stays in {@code status} (its step at the counter), its units stay sold and its coupon redeemed.
 * {@code lines} are the order's lines, to share the amount over them.
 */
@SchemaVersion(1)
public record OrderPartiallyRefunded(String orderId, String userId, long amountCents, long refundedInAllCents,
                                     String note, String status, List<PricedLine> lines) implements OrderEvent {
}
