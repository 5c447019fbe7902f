package com.groupbuy.command.coupon.model;

import com.groupbuy.events.coupon.CouponTerms;
import com.groupbuy.events.coupon.CouponType;

import java.time.Instant;
import java.util.Set;

final class CouponFixtures {

    static final Instant FROM = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant UNTIL = Instant.parse("2026-12-01T00:00:00Z");
    static final Instant DURING = Instant.parse("2026-11-15T12:00:00Z");

    private CouponFixtures() {
    }

    static CouponTerms amountOff(long cents, long minSpend) {
        return new CouponTerms(CouponType.AMOUNT_OFF, cents, 0, 0, minSpend, Set.of(), Set.of(), FROM, UNTIL);
    }

    static CouponTerms percentOff(int percent, long cap, Set<String> skus, Set<String> categories) {
        return new CouponTerms(CouponType.PERCENT_OFF, 0, percent, cap, 0, skus, categories, FROM, UNTIL);
    }
}
