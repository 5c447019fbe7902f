package com.groupbuy.query.coupons;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import static com.groupbuy.query.web.Rows.instant;
import static com.groupbuy.query.web.Rows.nullableInt;
import static com.groupbuy.query.web.Rows.nullableLong;

/** What a coupon is worth: {@code amountOffCents} for AMOUNT_OFF, {@code percentOff} up to a cap for PERCENT_OFF. */
record CouponTermsView(String type, Long amountOffCents, Integer percentOff, Long maxDiscountCents,
                       Long minSpendCents, Instant validFrom, Instant validUntil) {

    /** The terms columns that the coupon and coupon_campaign tables share. */
    static CouponTermsView of(ResultSet rs) throws SQLException {
        return new CouponTermsView(rs.getString("type"), nullableLong(rs, "amount_off_cents"),
                nullableInt(rs, "percent_off"), nullableLong(rs, "max_discount_cents"),
                nullableLong(rs, "min_spend_cents"), instant(rs, "valid_from"), instant(rs, "valid_until"));
    }
}
