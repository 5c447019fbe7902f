package com.groupbuy.command.infrastructure.axon;

import com.groupbuy.command.domain.BusinessRuleViolation;
import com.groupbuy.contract.ErrorCode;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.ExponentialBackOffIntervalRetryScheduler;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static org.assertj.core.api.Assertions.assertThat;

class CommandRetryPolicyTest {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final ConflictRetryScheduler scheduler = ConflictRetryScheduler.of(
            ExponentialBackOffIntervalRetryScheduler.builder().retryExecutor(executor).maxRetryCount(3));

    @Test
    void a_lost_race_is_retried_though_the_stores_exception_carries_the_drivers_cause() {
        ConcurrencyException fromTheJdbcStore = new ConcurrencyException("An event for aggregate [p-1] at sequence "
                + "[7] was already inserted", new SQLException("duplicate key value violates unique constraint",
                "23505"));

        assertThat(scheduler.isExplicitlyNonTransient(fromTheJdbcStore)).isFalse();
        assertThat(scheduler.isExplicitlyNonTransient(new CommandExecutionException("wrapped", fromTheJdbcStore)))
                .isFalse();
    }

    @Test
    void refusals_and_duplicates_are_never_retried() {
        assertThat(scheduler.isExplicitlyNonTransient(new BusinessRuleViolation(ErrorCode.SOLD_OUT, "gone"))).isTrue();
        assertThat(scheduler.isExplicitlyNonTransient(new AggregateNotFoundException("x", "none"))).isTrue();
        assertThat(scheduler.isExplicitlyNonTransient(new AggregateStreamCreationException("exists"))).isTrue();
    }
}
