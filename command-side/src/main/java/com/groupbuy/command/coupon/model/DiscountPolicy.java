package com.groupbuy.command.coupon.model;

import com.groupbuy.command.domain.BusinessRuleViolation;
import com.groupbuy.contract.ErrorCode;
import com.groupbuy.events.coupon.CouponTerms;
import com.groupbuy.events.coupon.CouponType;
import com.groupbuy.events.order.PricedLine;

import java.time.Instant;
import java.util.List;

/**
 * What a coupon takes off an order: only in-scope lines count, their subtotal must reach the minimum spend,
 * AMOUNT_OFF takes its amount, PERCENT_OFF its percentage rounded down and capped; never more than the in-scope
 * subtotal.
 */
final class DiscountPolicy {

    private DiscountPolicy() {
    }

    static long discountFor(CouponTerms terms, List<PricedLine> lines, Instant at) {
        if (at.isBefore(terms.validFrom()) || !at.isBefore(terms.validUntil())) {
            throw notApplicable("the coupon is valid from " + terms.validFrom() + " until " + terms.validUntil());
        }
        long inScope = lines.stream().filter(line -> inScope(terms, line)).mapToLong(PricedLine::lineTotalCents).sum();
        if (inScope == 0) {
            throw notApplicable("no product of the order is in the coupon's scope");
        }
        if (inScope < terms.minSpendCents()) {
            throw notApplicable("the coupon needs " + terms.minSpendCents() + " in scope, the order has " + inScope);
        }
        long discount = terms.type() == CouponType.AMOUNT_OFF
                ? terms.amountOffCents()
                : Math.min(inScope * terms.percentOff() / 100, terms.maxDiscountCents());
        return Math.min(discount, inScope);
    }

    private static boolean inScope(CouponTerms terms, PricedLine line) {
        boolean unscoped = terms.skus().isEmpty() && terms.categories().isEmpty();
        return unscoped || terms.skus().contains(line.sku()) || terms.categories().contains(line.category());
    }

    private static BusinessRuleViolation notApplicable(String why) {
        return new BusinessRuleViolation(ErrorCode.COUPON_NOT_APPLICABLE, why);
    }
}
