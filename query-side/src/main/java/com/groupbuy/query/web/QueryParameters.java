package com.groupbuy.query.web;

import com.groupbuy.contract.ErrorCode;
import com.groupbuy.platform.web.ApiException;
import org.springframework.http.HttpStatus;

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
}
