package com.groupbuy.events.coupon;

import java.time.Instant;
import java.util.Set;

/**
 * What a coupon of a campaign is worth and where it applies. {@code amountOffCents} for AMOUNT_OFF;
 * {@code percentOff} capped at {@code maxDiscountCents} for PERCENT_OFF. Empty {@code skus} and {@code categories}
 * mean every product is in scope.
 */
public record CouponTerms(CouponType type, long amountOffCents, int percentOff, long maxDiscountCents,
                          long minSpendCents, Set<String> skus, Set<String> categories, Instant validFrom,
                          Instant validUntil) {
}
