package com.groupbuy.command.flashsale.api;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class CanonicalBodyTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"{\"quantity\":1}|1", "{\"quantity\":99}|99", "{\"quantity\":0}|0",
            "{\"quantity\":07}|7"})
    void the_quantity_of_a_body_spelled_as_json_libraries_write_it_is_read_directly(String body, int quantity) {
        assertThat(CanonicalBody.quantityOf(body.getBytes(StandardCharsets.UTF_8))).isEqualTo(quantity);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"quantity\":100}", "{ \"quantity\":1}", "{\"quantity\":1 }", "{\"quantity\":\"1\"}",
            "{\"quantity\":-1}", "{\"quantity\":1.5}", "{\"quantity\":}", "{\"quantity\":1,\"x\":2}", "",
            "{\"quantitx\":1}", "{\"quantity\":1]"})
    void any_other_spelling_is_left_to_the_json_parser(String body) {
        assertThat(CanonicalBody.quantityOf(body.getBytes(StandardCharsets.UTF_8))).isNull();
    }
}
