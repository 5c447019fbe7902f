package com.groupbuy.events.coupon;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * What a coupon of a campaign is worth and where it applies. {@code amountOffCents} for AMOUNT_OFF;
 * {@code percentOff} capped at {@code maxDiscountCents} for PERCENT_OFF. Empty {@code skus} and {@code categories}
 * mean every product is in scope. {@code validDaysAfterClaim}, when set, limits each coupon to that many days from
 * its claim (never beyond the campaign's {@code validUntil}); records written before it existed have none.
 */
public record CouponTerms(CouponType type, long amountOffCents, int percentOff, long maxDiscountCents,
                          long minSpendCents, Set<String> skus, Set<String> categories, Instant validFrom,
                          Instant validUntil, Integer validDaysAfterClaim) {

    /** Terms whose coupons are valid until the campaign's {@code validUntil}, whenever they were claimed. */
    public CouponTerms(CouponType type, long amountOffCents, int percentOff, long maxDiscountCents,
                       long minSpendCents, Set<String> skus, Set<String> categories, Instant validFrom,
                       Instant validUntil) {
        this(type, amountOffCents, percentOff, maxDiscountCents, minSpendCents, skus, categories, validFrom,
                validUntil, null);
    }

    /**
     * The terms of one coupon claimed at {@code claimedAt}: valid until the earlier of the campaign's end and
     * {@code validDaysAfterClaim} days after the claim.
     */
    public CouponTerms ofCouponClaimedAt(Instant claimedAt) {
        if (validDaysAfterClaim == null) {
            return this;
        }
        Instant ownEnd = claimedAt.plus(Duration.ofDays(validDaysAfterClaim));
        return new CouponTerms(type, amountOffCents, percentOff, maxDiscountCents, minSpendCents, skus, categories,
                validFrom, ownEnd.isBefore(validUntil) ? ownEnd : validUntil, validDaysAfterClaim);
    }
}
