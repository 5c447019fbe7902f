package com.groupbuy.command.coupon.model;

import com.groupbuy.contract.ErrorCode;
import com.groupbuy.events.coupon.CouponIssued;
import com.groupbuy.events.coupon.CouponRedeemed;
import com.groupbuy.events.coupon.CouponRestored;
import com.groupbuy.events.order.PricedLine;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.groupbuy.command.coupon.model.CouponFixtures.DURING;
import static com.groupbuy.command.coupon.model.CouponFixtures.UNTIL;
import static com.groupbuy.command.coupon.model.CouponFixtures.amountOff;
import static com.groupbuy.command.domain.RuleViolations.violationOf;

class CouponRedemptionTest {

    private static final List<PricedLine> LINES = List.of(new PricedLine("TEA", "tea", 2, 450));
    private static final CouponIssued ISSUED = new CouponIssued("c-1", "camp", "u1", amountOff(150, 500));

    private AggregateTestFixture<Coupon> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Coupon.class);
    }

    @Test
    void the_owner_redeems_the_coupon_on_an_order_for_its_discount() {
        fixture.given(ISSUED)
                .when(new RedeemCoupon("c-1", "o-1", "u1", LINES, DURING))
                .expectEvents(new CouponRedeemed("c-1", "camp", "u1", "o-1", 150))
                .expectResultMessagePayload(150L);
    }

    @Test
    void a_coupon_cannot_be_redeemed_twice() {
        fixture.given(ISSUED, new CouponRedeemed("c-1", "camp", "u1", "o-1", 150))
                .when(new RedeemCoupon("c-1", "o-2", "u1", LINES, DURING))
                .expectException(violationOf(ErrorCode.COUPON_NOT_APPLICABLE))
                .expectNoEvents();
    }

    @Test
    void the_same_order_redeeming_again_gets_the_same_discount_and_nothing_changes() {
        fixture.given(ISSUED, new CouponRedeemed("c-1", "camp", "u1", "o-1", 150))
                .when(new RedeemCoupon("c-1", "o-1", "u1", LINES, DURING))
                .expectNoEvents()
                .expectResultMessagePayload(150L);
    }

    @Test
    void only_the_owner_can_redeem() {
        fixture.given(ISSUED)
                .when(new RedeemCoupon("c-1", "o-1", "u2", LINES, DURING))
                .expectException(violationOf(ErrorCode.COUPON_NOT_APPLICABLE));
    }

    @Test
    void an_order_below_the_minimum_spend_cannot_use_the_coupon() {
        fixture.given(ISSUED)
                .when(new RedeemCoupon("c-1", "o-1", "u1", List.of(new PricedLine("TEA", "tea", 1, 450)), DURING))
                .expectException(violationOf(ErrorCode.COUPON_NOT_APPLICABLE));
    }

    @Test
    void an_expired_coupon_cannot_be_redeemed() {
        fixture.given(ISSUED)
                .when(new RedeemCoupon("c-1", "o-1", "u1", LINES, UNTIL))
                .expectException(violationOf(ErrorCode.COUPON_NOT_APPLICABLE));
    }

    @Test
    void a_coupon_comes_back_when_its_order_falls_through_and_can_be_used_again() {
        fixture.given(ISSUED, new CouponRedeemed("c-1", "camp", "u1", "o-1", 150))
                .when(new RestoreCoupon("c-1", "o-1", DURING))
                .expectEvents(new CouponRestored("c-1", "camp", "u1", "o-1", 150));
        fixture.given(ISSUED, new CouponRedeemed("c-1", "camp", "u1", "o-1", 150),
                        new CouponRestored("c-1", "camp", "u1", "o-1", 150))
                .when(new RedeemCoupon("c-1", "o-2", "u1", LINES, DURING))
                .expectEvents(new CouponRedeemed("c-1", "camp", "u1", "o-2", 150));
    }

    @Test
    void an_expired_coupon_is_not_restored() {
        fixture.given(ISSUED, new CouponRedeemed("c-1", "camp", "u1", "o-1", 150))
                .when(new RestoreCoupon("c-1", "o-1", UNTIL))
                .expectNoEvents();
    }

    @Test
    void restoring_for_another_order_changes_nothing() {
        fixture.given(ISSUED, new CouponRedeemed("c-1", "camp", "u1", "o-1", 150))
                .when(new RestoreCoupon("c-1", "o-9", DURING))
                .expectNoEvents();
    }
}
