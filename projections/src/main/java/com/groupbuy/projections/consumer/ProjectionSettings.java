package com.groupbuy.projections.consumer;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

@ConfigurationProperties("groupbuy.projections")
record ProjectionSettings(Integer concurrency, Integer retries, Duration retryBackoff) {

    ProjectionSettings {
        concurrency = concurrency == null ? 1 : concurrency;
        retries = retries == null ? 3 : retries;
        retryBackoff = retryBackoff == null ? Duration.ofMillis(500) : retryBackoff;
    }
}
