package com.groupbuy.command.order.model;

import com.groupbuy.events.order.PricedLine;

import java.util.List;

/** Subtotal of the lines, the discount (never more than the subtotal) and what remains to pay. */
record OrderTotals(long subtotalCents, long discountCents, long totalCents) {

    static OrderTotals of(List<PricedLine> lines, long discountCents) {
        long subtotal = lines.stream().mapToLong(PricedLine::lineTotalCents).sum();
        long discount = Math.max(0, Math.min(discountCents, subtotal));
        return new OrderTotals(subtotal, discount, subtotal - discount);
    }
}
