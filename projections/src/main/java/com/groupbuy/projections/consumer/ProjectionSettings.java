package com.groupbuy.projections.consumer;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * {@code groupbuy.projections.*}: consumers per projection, retries before a dead letter, and {@code run}, the
 * projections whose live consumers this process runs (all when unset), so that pods can be split by read model.
 */
@ConfigurationProperties("groupbuy.projections")
record ProjectionSettings(Integer concurrency, Integer retries, Duration retryBackoff, List<String> run) {

    ProjectionSettings {
        concurrency = concurrency == null ? 1 : concurrency;
        retries = retries == null ? 3 : retries;
        retryBackoff = retryBackoff == null ? Duration.ofMillis(500) : retryBackoff;
    }

    boolean runs(String projection) {
        return run == null || run.contains(projection);
    }
}
