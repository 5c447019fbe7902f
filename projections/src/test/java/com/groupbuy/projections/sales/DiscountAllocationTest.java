package com.groupbuy.projections.sales;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DiscountAllocationTest {

    @Test
    void the_discount_is_shared_in_proportion_to_the_line_totals() {
        assertThat(DiscountAllocation.allocate(List.of(1000L, 400L), 140)).containsExactly(100, 40);
    }

    @Test
    void cents_lost_to_rounding_down_go_to_the_last_line() {
        assertThat(DiscountAllocation.allocate(List.of(100L, 100L, 100L), 100)).containsExactly(33, 33, 34);
    }

    @Test
    void the_shares_always_add_up_to_the_discount() {
        long[] shares = DiscountAllocation.allocate(List.of(333L, 777L, 1L, 9_999L), 1_234);

        assertThat(shares).containsExactly(36, 86, 0, 1_112);
        assertThat(Arrays.stream(shares).sum()).isEqualTo(1_234);
    }

    @Test
    void one_line_takes_the_whole_discount() {
        assertThat(DiscountAllocation.allocate(List.of(999L), 250)).containsExactly(250);
    }

    @Test
    void no_discount_means_no_shares() {
        assertThat(DiscountAllocation.allocate(List.of(500L, 300L), 0)).containsExactly(0, 0);
    }

    @Test
    void a_discount_above_the_subtotal_is_capped_at_it() {
        assertThat(DiscountAllocation.allocate(List.of(300L, 200L), 800)).containsExactly(300, 200);
    }

    @Test
    void large_amounts_do_not_overflow() {
        long big = Long.MAX_VALUE / 4;

        assertThat(DiscountAllocation.allocate(List.of(big, big), big)).containsExactly(big / 2, big - big / 2);
    }
}
