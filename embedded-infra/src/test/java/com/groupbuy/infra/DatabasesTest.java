package com.groupbuy.infra;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabasesTest {

    @Test
    void a_database_name_that_is_not_a_plain_identifier_is_refused_before_any_sql() {
        Databases databases = new Databases("jdbc:postgresql://127.0.0.1:1/", "postgres", "");

        assertThatThrownBy(() -> databases.jdbcUrl("x\"; DROP DATABASE postgres; --"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
