package com.groupbuy.stack.bench;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RetryingCrowdChecksTest {

    private static final int UNITS = 10;

    @Test
    void a_sale_within_its_units_and_every_buyer_within_the_limit_passes() {
        assertThat(FlashSaleBenchmark.retryingViolations(UNITS, answered(Map.of("ann", 2, "bob", 1)), reserved(3),
                Map.of("ann", 2, "bob", 1))).isEmpty();
    }

    @Test
    void more_units_reserved_than_the_sale_had_is_an_oversell() {
        assertThat(FlashSaleBenchmark.retryingViolations(UNITS, answered(Map.of()), reserved(UNITS + 1), Map.of()))
                .singleElement().asString().startsWith("OVERSOLD");
    }

    @Test
    void a_buyer_holding_more_than_the_limit_by_the_event_store_breaks_it() {
        assertThat(FlashSaleBenchmark.retryingViolations(UNITS, answered(Map.of("ann", 2)), reserved(3),
                Map.of("ann", 3))).singleElement().asString().contains("ann holds 3 units");
    }

    @Test
    void a_buyer_admitted_for_more_than_the_limit_breaks_it_too() {
        assertThat(FlashSaleBenchmark.retryingViolations(UNITS, answered(Map.of("ann", 4)), reserved(2),
                Map.of("ann", 2))).singleElement().asString().contains("ann was admitted (202) for 4 units");
    }

    private static RetryingCrowd.Result answered(Map<String, Integer> admittedUnits) {
        return new RetryingCrowd.Result(new Burst(new int[0], new long[0], 1), Map.of(), admittedUnits);
    }

    private static FlashSaleBenchmark.Outcome reserved(int units) {
        return new FlashSaleBenchmark.Outcome(units, 0, 0, 0, 0, 0, 0);
    }
}
