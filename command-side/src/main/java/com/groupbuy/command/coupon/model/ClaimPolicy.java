package com.groupbuy.command.coupon.model;

import com.groupbuy.command.domain.BusinessRuleViolation;
import com.groupbuy.contract.ErrorCode;
import com.groupbuy.events.coupon.CouponTerms;

import java.time.Instant;

/** A claim must fall in the campaign's window, leave the campaign within its total and the user within its limit. */
final class ClaimPolicy {

    private ClaimPolicy() {
    }

    static void check(CouponTerms terms, Instant at, int claimedInAll, int totalQuantity, int claimedByUser,
                      int perUserLimit) {
        if (at.isBefore(terms.validFrom())) {
            throw new BusinessRuleViolation(ErrorCode.NOT_STARTED, "the campaign starts at " + terms.validFrom());
        }
        if (!at.isBefore(terms.validUntil())) {
            throw new BusinessRuleViolation(ErrorCode.ENDED, "the campaign ended at " + terms.validUntil());
        }
        if (claimedInAll >= totalQuantity) {
            throw new BusinessRuleViolation(ErrorCode.SOLD_OUT, "all " + totalQuantity + " coupons are claimed");
        }
        if (claimedByUser >= perUserLimit) {
            throw new BusinessRuleViolation(ErrorCode.LIMIT_REACHED,
                    "at most " + perUserLimit + " coupons per customer");
        }
    }
}
