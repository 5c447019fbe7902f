package com.groupbuy.command.infrastructure.eventstore;

import org.junit.jupiter.api.Test;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresDuplicateKeyResolverTest {

    private final PostgresDuplicateKeyResolver resolver = new PostgresDuplicateKeyResolver();

    @Test
    void a_unique_violation_inside_a_batch_counts_as_a_duplicate_key() {
        BatchUpdateException batch = new BatchUpdateException("batch aborted", "23505", 0, new int[0], null);
        batch.setNextException(new SQLException("duplicate key value", "23505"));

        assertThat(resolver.isDuplicateKeyViolation(new RuntimeException("wrapped", batch))).isTrue();
    }

    @Test
    void a_unique_violation_only_in_the_next_exception_chain_counts_too() {
        SQLException batch = new SQLException("batch aborted", "XX000");
        batch.setNextException(new SQLException("duplicate key value", "23505"));

        assertThat(resolver.isDuplicateKeyViolation(batch)).isTrue();
    }

    @Test
    void other_database_failures_are_not_duplicates() {
        assertThat(resolver.isDuplicateKeyViolation(new SQLException("connection refused", "08001"))).isFalse();
        assertThat(resolver.isDuplicateKeyViolation(new IllegalStateException("no sql at all"))).isFalse();
    }
}
