package com.groupbuy.projections.sales;

import java.math.BigInteger;
import java.util.List;

/**
 * Spreads an order's discount over its lines in proportion to the line totals, in whole cents rounded down; the
 * cents left over go to the last line, so the shares always add up to the discount. A discount above the
 * subtotal is capped at it (totals never go below zero).
 */
final class DiscountAllocation {

    private DiscountAllocation() {
    }

    static long[] allocate(List<Long> lineTotals, long discountCents) {
        long[] shares = new long[lineTotals.size()];
        long subtotal = lineTotals.stream().mapToLong(Long::longValue).sum();
        long discount = Math.min(Math.max(discountCents, 0), subtotal);
        if (shares.length == 0 || discount == 0) {
            return shares;
        }
        long allocated = 0;
        for (int i = 0; i < shares.length - 1; i++) {
            shares[i] = BigInteger.valueOf(discount)
                    .multiply(BigInteger.valueOf(lineTotals.get(i)))
                    .divide(BigInteger.valueOf(subtotal))
                    .longValueExact();
            allocated += shares[i];
        }
        shares[shares.length - 1] = discount - allocated;
        return shares;
    }
}
