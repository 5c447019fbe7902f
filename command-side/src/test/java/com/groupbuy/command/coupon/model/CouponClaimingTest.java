package com.groupbuy.command.coupon.model;

import com.groupbuy.contract.ErrorCode;
import com.groupbuy.events.coupon.CouponCampaignCreated;
import com.groupbuy.events.coupon.CouponCampaignStopped;
import com.groupbuy.events.coupon.CouponClaimed;
import com.groupbuy.events.coupon.CouponIssued;
import com.groupbuy.events.coupon.CouponTerms;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.groupbuy.command.coupon.model.CouponFixtures.DURING;
import static com.groupbuy.command.coupon.model.CouponFixtures.FROM;
import static com.groupbuy.command.coupon.model.CouponFixtures.UNTIL;
import static com.groupbuy.command.coupon.model.CouponFixtures.amountOff;
import static com.groupbuy.command.domain.RuleViolations.violationOf;

class CouponClaimingTest {

    private static final CouponTerms TERMS = amountOff(100, 0);
    private static final CouponCampaignCreated THREE_COUPONS_TWO_EACH =
            new CouponCampaignCreated("camp", TERMS, 3, 2);

    private AggregateTestFixture<CouponCampaign> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CouponCampaign.class);
    }

    @Test
    void a_campaign_is_created_with_consistent_terms() {
        fixture.givenNoPriorActivity()
                .when(new CreateCouponCampaign("camp", TERMS, 3, 2))
                .expectEvents(THREE_COUPONS_TWO_EACH);
    }

    @Test
    void a_campaign_needs_a_positive_quantity_and_a_window() {
        fixture.givenNoPriorActivity()
                .when(new CreateCouponCampaign("camp", TERMS, 0, 2))
                .expectException(violationOf(ErrorCode.VALIDATION_FAILED));
        fixture.givenNoPriorActivity()
                .when(new CreateCouponCampaign("camp", new CouponTerms(TERMS.type(), 100, 0, 0, 0, TERMS.skus(),
                        TERMS.categories(), UNTIL, FROM), 3, 2))
                .expectException(violationOf(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void a_campaign_created_again_with_its_id_stays_as_it_was() {
        fixture.given(THREE_COUPONS_TWO_EACH)
                .when(new CreateCouponCampaign("camp", TERMS, 3, 2))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_claim_takes_one_coupon_and_issues_it_to_the_customer() {
        fixture.given(THREE_COUPONS_TWO_EACH)
                .when(new ClaimCoupon("camp", "u1", "c-1", DURING))
                .expectEvents(new CouponClaimed("camp", "c-1", "u1", 1), new CouponIssued("c-1", "camp", "u1", TERMS))
                .expectResultMessagePayload("c-1");
    }

    @Test
    void a_coupon_valid_for_days_after_its_claim_ends_then_but_never_after_the_campaign() {
        CouponTerms sevenDays = new CouponTerms(TERMS.type(), 100, 0, 0, 0, TERMS.skus(), TERMS.categories(), FROM,
                UNTIL, 7);
        CouponCampaignCreated campaign = new CouponCampaignCreated("camp", sevenDays, 3, 2);
        fixture.given(campaign)
                .when(new ClaimCoupon("camp", "u1", "c-1", DURING))
                .expectEvents(new CouponClaimed("camp", "c-1", "u1", 1), new CouponIssued("c-1", "camp", "u1",
                        new CouponTerms(TERMS.type(), 100, 0, 0, 0, TERMS.skus(), TERMS.categories(), FROM,
                                DURING.plus(java.time.Duration.ofDays(7)), 7)));
        java.time.Instant lateClaim = UNTIL.minus(java.time.Duration.ofDays(2));
        fixture.given(campaign)
                .when(new ClaimCoupon("camp", "u1", "c-2", lateClaim))
                .expectEvents(new CouponClaimed("camp", "c-2", "u1", 1), new CouponIssued("c-2", "camp", "u1",
                        new CouponTerms(TERMS.type(), 100, 0, 0, 0, TERMS.skus(), TERMS.categories(), FROM, UNTIL,
                                7)));
    }

    @Test
    void a_stopped_campaign_gives_no_more_coupons_but_answers_a_repeated_claim_as_before() {
        fixture.given(THREE_COUPONS_TWO_EACH, new CouponClaimed("camp", "c-1", "u1", 1))
                .when(new StopCouponCampaign("camp"))
                .expectEvents(new CouponCampaignStopped("camp", 1))
                .expectResultMessagePayload(1);
        fixture.given(THREE_COUPONS_TWO_EACH, new CouponClaimed("camp", "c-1", "u1", 1),
                        new CouponCampaignStopped("camp", 1))
                .when(new ClaimCoupon("camp", "u2", "c-2", DURING))
                .expectException(violationOf(ErrorCode.ENDED))
                .expectNoEvents();
        fixture.given(THREE_COUPONS_TWO_EACH, new CouponClaimed("camp", "c-1", "u1", 1),
                        new CouponCampaignStopped("camp", 1))
                .when(new ClaimCoupon("camp", "u1", "c-1", DURING))
                .expectNoEvents()
                .expectResultMessagePayload("c-1");
    }

    @Test
    void stopping_a_stopped_campaign_changes_nothing() {
        fixture.given(THREE_COUPONS_TWO_EACH, new CouponCampaignStopped("camp", 0))
                .when(new StopCouponCampaign("camp"))
                .expectNoEvents()
                .expectResultMessagePayload(0);
    }

    @Test
    void no_more_coupons_than_the_total_are_ever_claimed() {
        fixture.given(THREE_COUPONS_TWO_EACH, new CouponClaimed("camp", "c-1", "u1", 1),
                        new CouponClaimed("camp", "c-2", "u2", 2), new CouponClaimed("camp", "c-3", "u3", 3))
                .when(new ClaimCoupon("camp", "u4", "c-4", DURING))
                .expectException(violationOf(ErrorCode.SOLD_OUT))
                .expectNoEvents();
    }

    @Test
    void a_customer_claims_no_more_than_the_per_user_limit() {
        givenU1AtItsLimit()
                .when(new ClaimCoupon("camp", "u1", "c-3", DURING))
                .expectException(violationOf(ErrorCode.LIMIT_REACHED))
                .expectNoEvents();
    }

    @Test
    void a_claim_repeated_with_its_coupon_id_answers_that_coupon_again_and_takes_no_other() {
        givenU1AtItsLimit()
                .when(new ClaimCoupon("camp", "u1", "c-2", DURING))
                .expectNoEvents()
                .expectResultMessagePayload("c-2");
    }

    @Test
    void claims_outside_the_window_are_refused() {
        fixture.given(THREE_COUPONS_TWO_EACH)
                .when(new ClaimCoupon("camp", "u1", "c-1", FROM.minusSeconds(1)))
                .expectException(violationOf(ErrorCode.NOT_STARTED));
        fixture.given(THREE_COUPONS_TWO_EACH)
                .when(new ClaimCoupon("camp", "u1", "c-1", UNTIL))
                .expectException(violationOf(ErrorCode.ENDED));
    }

    private TestExecutor<CouponCampaign> givenU1AtItsLimit() {
        return fixture.given(THREE_COUPONS_TWO_EACH, new CouponClaimed("camp", "c-1", "u1", 1),
                new CouponClaimed("camp", "c-2", "u1", 2));
    }
}
