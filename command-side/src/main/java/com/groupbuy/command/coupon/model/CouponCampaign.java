package com.groupbuy.command.coupon.model;

import com.groupbuy.command.domain.BusinessRuleViolation;
import com.groupbuy.contract.ErrorCode;
import com.groupbuy.events.coupon.CouponCampaignCreated;
import com.groupbuy.events.coupon.CouponCampaignStopped;
import com.groupbuy.events.coupon.CouponClaimed;
import com.groupbuy.events.coupon.CouponTerms;
import com.groupbuy.events.coupon.CouponType;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;

/**
 * A batch of coupons customers can claim: never more than its total, never more than the per-user limit. Creating
 * it or claiming a coupon again with the same id (a request repeated with its Idempotency-Key) changes nothing and
 * answers as the first time.
 */
@Aggregate(repository = "couponCampaignRepository")
public class CouponCampaign {

    @AggregateIdentifier
    private String campaignId;
    private CouponTerms terms;
    private int totalQuantity;
    private int perUserLimit;
    private int claimedInAll;
    private Map<String, Integer> claimedByUser = new HashMap<>();
    private Set<String> issuedCouponIds = new HashSet<>();
    private boolean stopped;

    protected CouponCampaign() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(CreateCouponCampaign command) {
        if (campaignId != null) {
            return;
        }
        validate(command);
        apply(new CouponCampaignCreated(command.campaignId(), command.terms(), command.totalQuantity(),
                command.perUserLimit()));
    }

    @CommandHandler
    String handle(ClaimCoupon command) throws Exception {
        if (issuedCouponIds.contains(command.couponId())) {
            return command.couponId();
        }
        if (stopped) {
            throw new BusinessRuleViolation(ErrorCode.ENDED, "the campaign was stopped");
        }
        ClaimPolicy.check(terms, command.claimedAt(), claimedInAll, totalQuantity,
                claimedByUser.getOrDefault(command.userId(), 0), perUserLimit);
        apply(new CouponClaimed(campaignId, command.couponId(), command.userId(), claimedInAll + 1));
        createNew(Coupon.class, () -> new Coupon(command.couponId(), campaignId, command.userId(),
                terms.ofCouponClaimedAt(command.claimedAt())));
        return command.couponId();
    }

    /** Answers how many coupons were claimed before the campaign stopped. */
    @CommandHandler
    int handle(StopCouponCampaign command) {
        if (!stopped) {
            apply(new CouponCampaignStopped(campaignId, claimedInAll));
        }
        return claimedInAll;
    }

    private static void validate(CreateCouponCampaign command) {
        CouponTerms terms = command.terms();
        boolean valid = command.totalQuantity() > 0 && command.perUserLimit() > 0
                && terms.validFrom().isBefore(terms.validUntil()) && terms.minSpendCents() >= 0
                && (terms.type() == CouponType.AMOUNT_OFF
                ? terms.amountOffCents() > 0
                : terms.percentOff() >= 1 && terms.percentOff() <= 99 && terms.maxDiscountCents() > 0);
        if (!valid) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, "the campaign's terms are inconsistent");
        }
    }

    @EventSourcingHandler
    void on(CouponCampaignCreated event) {
        campaignId = event.campaignId();
        terms = event.terms();
        totalQuantity = event.totalQuantity();
        perUserLimit = event.perUserLimit();
    }

    @EventSourcingHandler
    void on(CouponCampaignStopped event) {
        stopped = true;
    }

    @EventSourcingHandler
    void on(CouponClaimed event) {
        claimedInAll = event.claimedInAll();
        claimedByUser.merge(event.userId(), 1, Integer::sum);
        issuedCouponIds.add(event.couponId());
    }
}
