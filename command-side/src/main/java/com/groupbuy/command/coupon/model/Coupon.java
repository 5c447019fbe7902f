package com.groupbuy.command.coupon.model;

import com.groupbuy.command.domain.BusinessRuleViolation;
import com.groupbuy.contract.ErrorCode;
import com.groupbuy.events.coupon.CouponIssued;
import com.groupbuy.events.coupon.CouponRedeemed;
import com.groupbuy.events.coupon.CouponRestored;
import com.groupbuy.events.coupon.CouponTerms;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** One customer's coupon: redeemed by at most one order at a time, restored when that order falls through. */
@Aggregate(repository = "couponRepository")
public class Coupon {

    @AggregateIdentifier
    private String couponId;
    private String campaignId;
    private String ownerId;
    private CouponTerms terms;
    private String redeemedBy;
    private long discountCents;

    protected Coupon() {
    }

    Coupon(String couponId, String campaignId, String ownerId, CouponTerms terms) {
        apply(new CouponIssued(couponId, campaignId, ownerId, terms));
    }

    @CommandHandler
    long handle(RedeemCoupon command) {
        if (command.orderId().equals(redeemedBy)) {
            return discountCents;
        }
        if (!ownerId.equals(command.userId())) {
            throw new BusinessRuleViolation(ErrorCode.COUPON_NOT_APPLICABLE, "the coupon belongs to someone else");
        }
        if (redeemedBy != null) {
            throw new BusinessRuleViolation(ErrorCode.COUPON_NOT_APPLICABLE, "the coupon is used already");
        }
        long discount = DiscountPolicy.discountFor(terms, command.lines(), command.redeemedAt());
        apply(new CouponRedeemed(couponId, campaignId, ownerId, command.orderId(), discount));
        return discount;
    }

    @CommandHandler
    void handle(RestoreCoupon command) {
        boolean stillValid = command.restoredAt().isBefore(terms.validUntil());
        if (command.orderId().equals(redeemedBy) && stillValid) {
            apply(new CouponRestored(couponId, campaignId, ownerId, command.orderId(), discountCents));
        }
    }

    @EventSourcingHandler
    void on(CouponIssued event) {
        couponId = event.couponId();
        campaignId = event.campaignId();
        ownerId = event.userId();
        terms = event.terms();
    }

    @EventSourcingHandler
    void on(CouponRedeemed event) {
        redeemedBy = event.orderId();
        discountCents = event.discountCents();
    }

    @EventSourcingHandler
    void on(CouponRestored event) {
        redeemedBy = null;
        discountCents = 0;
    }
}
