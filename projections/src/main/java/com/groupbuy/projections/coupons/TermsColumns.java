package com.groupbuy.projections.coupons;

import com.groupbuy.events.coupon.CouponTerms;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** The summary of a coupon's terms that the coupon and campaign rows keep, as named SQL parameters. */
final class TermsColumns {

    private TermsColumns() {
    }

    static Map<String, Object> of(CouponTerms terms) {
        Map<String, Object> columns = new HashMap<>();
        boolean known = terms != null;
        columns.put("type", known && terms.type() != null ? terms.type().name() : null);
        columns.put("amountOff", known ? terms.amountOffCents() : null);
        columns.put("percentOff", known ? terms.percentOff() : null);
        columns.put("maxDiscount", known ? terms.maxDiscountCents() : null);
        columns.put("minSpend", known ? terms.minSpendCents() : null);
        columns.put("validFrom", known ? timestamp(terms.validFrom()) : null);
        columns.put("validUntil", known ? timestamp(terms.validUntil()) : null);
        columns.put("validDaysAfterClaim", known ? terms.validDaysAfterClaim() : null);
        return columns;
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
