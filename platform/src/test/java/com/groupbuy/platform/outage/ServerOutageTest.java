package com.groupbuy.platform.outage;

import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionSystemException;

import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

class ServerOutageTest {

    @Test
    void a_refused_connection_deep_in_the_causes_is_an_outage() {
        Exception failure = new IllegalStateException("could not place",
                new RuntimeException("wrapped", new ConnectException("Connection refused")));

        assertThat(ServerOutage.causedBy(failure)).isTrue();
    }

    @Test
    void a_refused_connection_reported_as_suppressed_is_an_outage_as_redisson_reports_it() {
        RuntimeException failure = new RuntimeException("Unexpected exception while processing command");
        failure.addSuppressed(new CompletionException(new ConnectException("Connection refused")));

        assertThat(ServerOutage.causedBy(failure)).isTrue();
    }

    @Test
    void a_database_connection_state_or_a_database_shutting_down_is_an_outage() {
        assertThat(ServerOutage.causedBy(new SQLException("gone", "08006"))).isTrue();
        assertThat(ServerOutage.causedBy(new SQLException("terminating connection", "57P01"))).isTrue();
        assertThat(ServerOutage.causedBy(new SQLTransientConnectionException("pool timed out"))).isTrue();
    }

    @Test
    void a_rollback_that_failed_on_a_closed_connection_is_an_outage_when_the_transaction_failed_for_one() {
        TransactionSystemException rollbackFailed = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollbackFailed.initApplicationException(new RuntimeException("I/O error",
                new SQLException("An I/O error occurred while sending to the backend", "08006")));

        assertThat(ServerOutage.causedBy(new RuntimeException("projection failed", rollbackFailed))).isTrue();
    }

    @Test
    void a_rollback_that_failed_after_a_failure_of_the_record_is_not_an_outage() {
        TransactionSystemException rollbackFailed = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollbackFailed.initApplicationException(new IllegalArgumentException("unknown sku"));

        assertThat(ServerOutage.causedBy(rollbackFailed)).isFalse();
    }

    @Test
    void a_subclass_of_a_known_outage_is_one() {
        class PoolEmpty extends java.sql.SQLTransientException {
        }

        assertThat(ServerOutage.causedBy(new RuntimeException(new PoolEmpty()))).isTrue();
    }

    @Test
    void failures_of_the_request_or_of_our_code_are_not_outages() {
        assertThat(ServerOutage.causedBy(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(ServerOutage.causedBy(new IllegalArgumentException("bad id"))).isFalse();
        assertThat(ServerOutage.causedBy(new NullPointerException())).isFalse();
        assertThat(ServerOutage.causedBy(new IOException("broken pipe"))).isFalse();
    }

    @Test
    void causes_that_go_round_in_a_circle_end_the_search() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);

        assertThat(ServerOutage.causedBy(first)).isFalse();
    }
}
