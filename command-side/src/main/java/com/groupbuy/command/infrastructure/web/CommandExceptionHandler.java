package com.groupbuy.command.infrastructure.web;

import com.groupbuy.command.domain.BusinessRuleViolation;
import com.groupbuy.command.flashsale.gate.GateSyncingException;
import com.groupbuy.command.infrastructure.ratelimit.RateLimitedException;
import com.groupbuy.command.order.queue.OrderQueueUnavailableException;
import com.groupbuy.contract.ErrorCode;
import com.groupbuy.platform.outage.ServerOutage;
import com.groupbuy.platform.web.Problems;
import jakarta.validation.ValidationException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** How the outcome of a refused command reads over HTTP. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class CommandExceptionHandler {

    @ExceptionHandler(BusinessRuleViolation.class)
    ResponseEntity<ProblemDetail> onRuleViolation(BusinessRuleViolation e) {
        HttpStatus status = switch (e.code()) {
            case VALIDATION_FAILED -> HttpStatus.UNPROCESSABLE_CONTENT;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            default -> HttpStatus.CONFLICT;
        };
        return answer(status, e.code(), e.getMessage());
    }

    @ExceptionHandler(ValidationException.class)
    ResponseEntity<ProblemDetail> onValidation(ValidationException e) {
        return answer(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED, e.getMessage());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> onNotFound(AggregateNotFoundException e) {
        return answer(HttpStatus.NOT_FOUND, ErrorCode.NOT_FOUND, "Nothing known with id " + e.getAggregateIdentifier());
    }

    @ExceptionHandler(OrderQueueUnavailableException.class)
    ResponseEntity<ProblemDetail> onQueueUnavailable(OrderQueueUnavailableException e) {
        return retryLater(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.OVERLOADED,
                OrderQueueUnavailableException.DETAIL_FOR_CALLER, 1);
    }

    @ExceptionHandler(RateLimitedException.class)
    ResponseEntity<ProblemDetail> onRateLimited(RateLimitedException e) {
        return retryLater(HttpStatus.TOO_MANY_REQUESTS, ErrorCode.RATE_LIMITED, e.getMessage(),
                Math.max(1, (e.retryAfter().toMillis() + 999) / 1000));
    }

    @ExceptionHandler(GateSyncingException.class)
    ResponseEntity<ProblemDetail> onGateSyncing(GateSyncingException e) {
        return retryLater(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.UNAVAILABLE, e.getMessage(), 1);
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ResponseEntity<ProblemDetail> onDuplicate(AggregateStreamCreationException e) {
        return answer(HttpStatus.CONFLICT, ErrorCode.ALREADY_EXISTS, "It exists already");
    }

    /**
     * A race on an aggregate that was still lost after the gateway's retries (many processes changing one aggregate
     * at once): nothing was changed, and the same request a moment later will go through.
     */
    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<ProblemDetail> onLostRace(ConcurrencyException e) {
        return retryLater(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.OVERLOADED,
                "Too many changes to the same item at once; nothing was changed, retry", 1);
    }

    /** The command bus may wrap what the handler threw; answer for the cause. */
    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<ProblemDetail> onWrapped(CommandExecutionException e) {
        return switch (e.getCause()) {
            case BusinessRuleViolation violation -> onRuleViolation(violation);
            case AggregateNotFoundException notFound -> onNotFound(notFound);
            case AggregateStreamCreationException duplicate -> onDuplicate(duplicate);
            case ConcurrencyException lostRace -> onLostRace(lostRace);
            case Throwable cause when ServerOutage.causedBy(cause) -> retryLater(HttpStatus.SERVICE_UNAVAILABLE,
                    ErrorCode.UNAVAILABLE, "A server this service needs is not reachable; retry in a moment", 1);
            case null, default -> answer(HttpStatus.INTERNAL_SERVER_ERROR, ErrorCode.INTERNAL_ERROR,
                    "The command could not be completed");
        };
    }

    private static ResponseEntity<ProblemDetail> retryLater(HttpStatus status, ErrorCode code, String detail,
                                                          long seconds) {
        return ResponseEntity.status(status).header("Retry-After", Long.toString(seconds))
                .body(Problems.of(status, code, detail));
    }

    private static ResponseEntity<ProblemDetail> answer(HttpStatus status, ErrorCode code, String detail) {
        return ResponseEntity.status(status).body(Problems.of(status, code, detail));
    }
}
