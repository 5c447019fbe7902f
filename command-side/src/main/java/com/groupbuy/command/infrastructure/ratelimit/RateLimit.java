package com.groupbuy.command.infrastructure.ratelimit;

import java.time.Duration;

/**
 * At most {@code requests} per customer per {@code window} on a crowd endpoint, counted in fixed windows: window
 * number {@code now / window}, so every api process counts the same window.
 */
public record RateLimit(int requests, Duration window) {

    public RateLimit {
        if (requests < 1 || window.toMillis() < 1) {
            throw new IllegalArgumentException("a rate limit needs at least 1 request per millisecond or more");
        }
    }

    public long windowAt(long nowMillis) {
        return nowMillis / window.toMillis();
    }
}
