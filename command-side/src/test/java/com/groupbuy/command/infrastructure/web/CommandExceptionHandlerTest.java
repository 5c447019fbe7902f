package com.groupbuy.command.infrastructure.web;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class CommandExceptionHandlerTest {

    private final CommandExceptionHandler handler = new CommandExceptionHandler();

    @Test
    void a_race_still_lost_after_the_retries_is_a_503_to_retry_not_a_500() {
        ConcurrencyException lost = new ConcurrencyException("already inserted", new SQLException("dup", "23505"));

        for (ResponseEntity<ProblemDetail> answer : java.util.List.of(handler.onLostRace(lost),
                handler.onWrapped(new CommandExecutionException("wrapped", lost)))) {
            assertThat(answer.getStatusCode().value()).isEqualTo(503);
            assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("1");
            assertThat(answer.getBody().getProperties()).containsEntry("code", "OVERLOADED");
        }
    }
}
