package com.groupbuy.query.flashsales;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class FlashSaleStatusTest {

    private static final Instant STARTS = Instant.parse("2026-06-01T10:00:00Z");
    private static final Instant ENDS = Instant.parse("2026-06-01T11:00:00Z");

    @Test
    void a_sale_is_scheduled_before_its_window_opens() {
        assertThat(FlashSaleStatus.of(STARTS, ENDS, false, STARTS.minusMillis(1))).isEqualTo(FlashSaleStatus.SCHEDULED);
    }

    @Test
    void a_sale_is_active_from_its_start_until_just_before_its_end() {
        assertThat(FlashSaleStatus.of(STARTS, ENDS, false, STARTS)).isEqualTo(FlashSaleStatus.ACTIVE);
        assertThat(FlashSaleStatus.of(STARTS, ENDS, false, ENDS.minusMillis(1))).isEqualTo(FlashSaleStatus.ACTIVE);
    }

    @Test
    void a_sale_has_ended_at_its_end_even_before_the_sale_says_so() {
        assertThat(FlashSaleStatus.of(STARTS, ENDS, false, ENDS)).isEqualTo(FlashSaleStatus.ENDED);
    }

    @Test
    void a_sale_that_says_it_ended_has_ended_whatever_the_clock() {
        assertThat(FlashSaleStatus.of(STARTS, ENDS, true, STARTS.plusSeconds(60))).isEqualTo(FlashSaleStatus.ENDED);
    }
}
