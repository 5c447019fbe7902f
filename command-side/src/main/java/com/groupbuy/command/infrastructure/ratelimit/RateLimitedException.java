package com.groupbuy.command.infrastructure.ratelimit;

import java.time.Duration;

/** A customer sent more requests than the crowd endpoints allow; they may try again after {@link #retryAfter()}. */
public class RateLimitedException extends RuntimeException {

    private final Duration retryAfter;

    public RateLimitedException(Duration retryAfter) {
        super("too many requests; retry after " + retryAfter.toMillis() + " ms");
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
