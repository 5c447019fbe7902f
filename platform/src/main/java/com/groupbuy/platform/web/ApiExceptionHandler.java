package com.groupbuy.platform.web;

import com.groupbuy.contract.ErrorCode;
import com.groupbuy.platform.outage.ServerOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;

import java.util.List;
import java.util.Map;

/** Every error a controller raises becomes problem+json with a stable {@code code}. */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> onApiException(ApiException e) {
        return ResponseEntity.status(e.status()).body(Problems.of(e.status(), e.code(), e.getMessage()));
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<ProblemDetail> onPayloadTooLarge(PayloadTooLargeException e) {
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .body(Problems.of(HttpStatus.CONTENT_TOO_LARGE, ErrorCode.PAYLOAD_TOO_LARGE, e.getMessage()));
    }

    /** Security decides these; rethrown so its 401/403 handlers answer. */
    @ExceptionHandler({AccessDeniedException.class, AuthenticationException.class})
    void onSecurityException(RuntimeException e) {
        throw e;
    }

    /**
     * A server this process needs is away: nothing about the request is wrong, and the same request (with the same
     * Idempotency-Key) a moment later will go through once it is back.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> onUnexpected(Exception e) {
        if (ServerOutage.causedBy(e)) {
            log.warn("answered 503: a server this process needs is away: {}", e.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                    .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.UNAVAILABLE,
                            "A server this service needs is not reachable; retry in a moment"));
        }
        log.error("unexpected error", e);
        return ResponseEntity.internalServerError().body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR,
                ErrorCode.INTERNAL_ERROR, "Something went wrong on our side"));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return invalidFields(status, e.getBindingResult().getFieldErrors().stream()
                .map(error -> fieldError(error.getField(), String.valueOf(error.getDefaultMessage())))
                .toList());
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).body(Problems.of(HttpStatus.BAD_REQUEST,
                ErrorCode.VALIDATION_FAILED, "The request has invalid parameters"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (e.getCause() instanceof PayloadTooLargeException tooLarge) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(Problems.of(
                    HttpStatus.CONTENT_TOO_LARGE, ErrorCode.PAYLOAD_TOO_LARGE, tooLarge.getMessage()));
        }
        if (e.getCause() instanceof InvalidFormatException invalid) {
            return invalidFields(HttpStatus.BAD_REQUEST,
                    List.of(fieldError(pathOf(invalid), "cannot take the value " + invalid.getValue())));
        }
        return ResponseEntity.status(status).body(Problems.of(status, ErrorCode.MALFORMED_REQUEST,
                "The request body is not valid JSON for this call"));
    }

    /** Framework-raised errors (404 for unknown paths, 405, 415, …) get a code from their status. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (body == null && e instanceof ErrorResponse errorResponse) {
            body = errorResponse.getBody();
        }
        if (body instanceof ProblemDetail problem
                && (problem.getProperties() == null || !problem.getProperties().containsKey("code"))) {
            Problems.withCode(problem, codeFor(status));
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    private static ResponseEntity<Object> invalidFields(HttpStatusCode status, List<Map<String, String>> errors) {
        ProblemDetail problem = Problems.of(status, ErrorCode.VALIDATION_FAILED, "The request has invalid fields");
        problem.setProperty("errors", errors);
        return ResponseEntity.status(status).body(problem);
    }

    private static Map<String, String> fieldError(String field, String message) {
        return Map.of("field", field, "message", message);
    }

    /** The field as validation names it: {@code items[0].quantity}. */
    private static String pathOf(InvalidFormatException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference step : e.getPath()) {
            if (step.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(step.getPropertyName());
            } else {
                path.append('[').append(step.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static ErrorCode codeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 404 -> ErrorCode.NOT_FOUND;
            case 409 -> ErrorCode.ILLEGAL_STATE;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 503, 429 -> ErrorCode.OVERLOADED;
            default -> status.is4xxClientError() ? ErrorCode.MALFORMED_REQUEST : ErrorCode.INTERNAL_ERROR;
        };
    }
}
