package com.groupbuy.query.web;

import com.groupbuy.contract.ErrorCode;
import com.groupbuy.platform.web.ApiException;
import org.springframework.http.HttpStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Checks of query parameters that answer 400 VALIDATION_FAILED with a detail that says what is accepted. */
public final class QueryParameters {

    private QueryParameters() {
    }

    public static ApiException invalid(String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED, detail);
    }

    /** The constant named by {@code value} (any case), empty when absent; 400 when it names none. */
    public static <E extends Enum<E>> Optional<E> oneOf(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw invalid(name + " must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    /**
     * A required ISO-8601 instant ({@code 2026-03-01T10:00:00Z}, an offset instead of Z), or a date meaning its UTC
     * start; 400 otherwise.
     */
    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            throw invalid(name + " is required (ISO-8601, e.g. 2026-03-01T00:00:00Z)");
        }
        try {
            return value.length() == 10
                    ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw invalid(name + " is not an ISO-8601 instant or date: " + value);
        }
    }
}
