package com.groupbuy.contract;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PickupCodeTest {

    @Test
    void an_order_always_has_the_same_four_character_code_without_look_alikes() {
        String orderId = UUID.randomUUID().toString();

        assertThat(PickupCode.of(orderId)).isEqualTo(PickupCode.of(orderId))
                .hasSize(4).matches("[ACDEFHJKMNPQRTUVWXY3479]{4}");
    }

    @Test
    void the_code_is_accepted_in_any_case_and_with_blanks_around_it_but_not_another() {
        String code = PickupCode.of("order-1");

        assertThat(PickupCode.matches("order-1", " " + code.toLowerCase() + " ")).isTrue();
        assertThat(PickupCode.matches("order-1", code.substring(1) + "A")).isFalse();
        assertThat(PickupCode.matches("order-1", null)).isFalse();
    }

    @Test
    void codes_spread_over_the_alphabet_so_a_counter_rarely_sees_two_alike() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            codes.add(PickupCode.of("order-" + i));
        }

        assertThat(codes).hasSizeGreaterThan(990);
    }
}
