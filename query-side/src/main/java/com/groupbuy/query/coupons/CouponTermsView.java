package com.groupbuy.query.coupons;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import static com.groupbuy.query.web.Rows.instant;
import static com.groupbuy.query.web.Rows.nullableInt;
import static com.groupbuy.query.web.Rows.nullableLong;

/**
 * What a coupon is worth: {@code amountOffCents} for AMOUNT_OFF, {@code percentOff} up to a cap for PERCENT_OFF. A
 * coupon's {@code validUntil} is its own (its claim plus the campaign's {@code validDaysAfterClaim}, if any); a
 * campaign's is the campaign's end, and {@code validDaysAfterClaim} is null for a coupon.
 */
record CouponTermsView(String type, Long amountOffCents, Integer percentOff, Long maxDiscountCents,
                       Long minSpendCents, Instant validFrom, Instant validUntil, Integer validDaysAfterClaim) {

    /** A coupon's terms, from the columns that the coupon and coupon_campaign tables share. */
    static CouponTermsView of(ResultSet rs) throws SQLException {
        return new CouponTermsView(rs.getString("type"), nullableLong(rs, "amount_off_cents"),
                nullableInt(rs, "percent_off"), nullableLong(rs, "max_discount_cents"),
                nullableLong(rs, "min_spend_cents"), instant(rs, "valid_from"), instant(rs, "valid_until"), null);
    }

    /** A campaign's terms: a coupon's and how long each coupon stays valid after its claim. */
    static CouponTermsView ofCampaign(ResultSet rs) throws SQLException {
        CouponTermsView terms = of(rs);
        return new CouponTermsView(terms.type, terms.amountOffCents, terms.percentOff, terms.maxDiscountCents,
                terms.minSpendCents, terms.validFrom, terms.validUntil, nullableInt(rs, "valid_days_after_claim"));
    }
}
