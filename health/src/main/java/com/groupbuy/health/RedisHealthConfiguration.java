package com.groupbuy.health;

import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * The {@code redis} health indicator over the process's Redisson client. Import it and list {@code redis} in
 * {@code management.endpoint.health.group.readiness.include}.
 */
@Configuration(proxyBeanMethods = false)
public class RedisHealthConfiguration {

    @Bean
    RedisHealthIndicator redisHealthIndicator(RedissonClient redisson,
            @Value("${groupbuy.health.redis.timeout:1s}") Duration timeout) {
        return new RedisHealthIndicator(redisson, timeout);
    }
}
