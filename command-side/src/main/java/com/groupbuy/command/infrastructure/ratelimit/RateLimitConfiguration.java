package com.groupbuy.command.infrastructure.ratelimit;

import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

import java.time.Clock;
import java.time.Duration;

/** The per-customer rate limit of the crowd endpoints (flash-sale purchases, opening and joining groups). */
@Configuration(proxyBeanMethods = false)
@Profile("api")
class RateLimitConfiguration {

    @Bean
    RateLimit crowdRateLimit(@Value("${groupbuy.rate-limit.requests:20}") int requests,
                             @Value("${groupbuy.rate-limit.window:1s}") Duration window) {
        return new RateLimit(requests, window);
    }

    @Bean
    CrowdRateLimiter crowdRateLimiter(RedissonClient redis, Clock clock, RateLimit crowdRateLimit) {
        return new CrowdRateLimiter(redis, clock, crowdRateLimit);
    }
}
