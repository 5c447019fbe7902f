package com.groupbuy.events.order;

import com.groupbuy.events.SchemaVersion;

import java.util.List;

/**
 * A paid order was paid back in full. {@code reason} is a code: {@code GROUP_FAILED} (its group failed) or
 * {@code REFUNDED_BY_SHOP} (an admin refunded it, saying why in {@code note}). Unless {@code prepared}, its sold units
 * are to return to stock and its coupon to be restored; a refund of an order the counter had started making (or
 * handed over) gives back the money only. Version 1 records have neither {@code note} nor {@code prepared}.
 */
@SchemaVersion(2)
public record OrderRefunded(String orderId, String userId, long amountCents, String reason, List<PricedLine> lines,
                            String couponId, Promotion promotion, String note, Boolean prepared)
        implements OrderEvent {

    public static final String GROUP_FAILED = "GROUP_FAILED";
    public static final String REFUNDED_BY_SHOP = "REFUNDED_BY_SHOP";

    /** A refund before the counter made anything (the only kind version 1 knew). */
    public OrderRefunded(String orderId, String userId, long amountCents, String reason, List<PricedLine> lines,
                         String couponId, Promotion promotion) {
        this(orderId, userId, amountCents, reason, lines, couponId, promotion, null, false);
    }

    /** Whether the order's units and coupon stay used: the counter had made the order. */
    public boolean givesBackMoneyOnly() {
        return Boolean.TRUE.equals(prepared);
    }
}
