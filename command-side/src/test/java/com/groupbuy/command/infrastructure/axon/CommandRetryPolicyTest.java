package com.groupbuy.command.infrastructure.axon;

import com.groupbuy.command.domain.BusinessRuleViolation;
import com.groupbuy.contract.ErrorCode;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CommandRetryPolicyTest {

    @Test
    void a_lost_race_on_an_aggregate_is_retried_even_when_wrapped() {
        assertThat(AggregateConfiguration.causedByConcurrentAppend(new ConcurrencyException("raced"))).isTrue();
        assertThat(AggregateConfiguration.causedByConcurrentAppend(
                new CommandExecutionException("wrapped", new ConcurrencyException("raced")))).isTrue();
    }

    @Test
    void refusals_are_never_retried() {
        assertThat(AggregateConfiguration.causedByConcurrentAppend(
                new BusinessRuleViolation(ErrorCode.SOLD_OUT, "gone"))).isFalse();
        assertThat(AggregateConfiguration.causedByConcurrentAppend(new AggregateNotFoundException("x", "none")))
                .isFalse();
    }
}
