package com.groupbuy.command.coupon.model;

import com.groupbuy.command.domain.BusinessRuleViolation;
import com.groupbuy.events.order.PricedLine;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static com.groupbuy.command.coupon.model.CouponFixtures.DURING;
import static com.groupbuy.command.coupon.model.CouponFixtures.amountOff;
import static com.groupbuy.command.coupon.model.CouponFixtures.percentOff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DiscountPolicyTest {

    private static final List<PricedLine> ORDER = List.of(
            new PricedLine("TEA", "tea", 3, 333),
            new PricedLine("BOBA", "milk-tea", 1, 590));

    @Test
    void percent_off_is_rounded_down_on_the_in_scope_subtotal() {
        long discount = DiscountPolicy.discountFor(percentOff(15, 10_000, Set.of(), Set.of("tea")), ORDER, DURING);

        assertThat(discount).isEqualTo(999 * 15 / 100).isEqualTo(149);
    }

    @Test
    void percent_off_is_capped_at_the_maximum_discount() {
        assertThat(DiscountPolicy.discountFor(percentOff(50, 300, Set.of(), Set.of()), ORDER, DURING)).isEqualTo(300);
    }

    @Test
    void a_sku_scope_counts_only_those_lines() {
        assertThat(DiscountPolicy.discountFor(percentOff(10, 1_000, Set.of("BOBA"), Set.of()), ORDER, DURING))
                .isEqualTo(59);
    }

    @Test
    void amount_off_never_exceeds_the_in_scope_subtotal() {
        assertThat(DiscountPolicy.discountFor(amountOff(5_000, 0), ORDER, DURING)).isEqualTo(1589);
    }

    @Test
    void an_order_without_in_scope_lines_cannot_use_the_coupon() {
        assertThatThrownBy(() -> DiscountPolicy.discountFor(percentOff(10, 100, Set.of("NONE"), Set.of()), ORDER,
                DURING)).isInstanceOf(BusinessRuleViolation.class);
    }
}
