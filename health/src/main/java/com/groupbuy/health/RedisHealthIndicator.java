package com.groupbuy.health;

import org.redisson.api.RedissonClient;
import org.redisson.api.redisnode.BaseRedisNodes;
import org.redisson.api.redisnode.RedisNodes;
import org.redisson.config.Config;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Redis is reachable when every node Redisson talks to answers PING within the timeout. Redisson itself ships no
 * Spring Boot health indicator (its starter relies on Spring Data Redis's, which we do not use).
 */
final class RedisHealthIndicator extends AbstractHealthIndicator {

    private final RedissonClient redisson;
    private final Duration timeout;

    RedisHealthIndicator(RedissonClient redisson, Duration timeout) {
        super("Redis health check failed");
        this.redisson = redisson;
        this.timeout = timeout;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        boolean answered = nodes().pingAll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        (answered ? builder.up() : builder.down()).withDetail("ping", answered ? "PONG" : "no answer");
    }

    private BaseRedisNodes nodes() {
        Config config = redisson.getConfig();
        if (config.isClusterConfig()) {
            return redisson.getRedisNodes(RedisNodes.CLUSTER);
        }
        if (config.isSentinelConfig()) {
            return redisson.getRedisNodes(RedisNodes.SENTINEL_MASTER_SLAVE);
        }
        return config.isSingleConfig() ? redisson.getRedisNodes(RedisNodes.SINGLE)
                : redisson.getRedisNodes(RedisNodes.MASTER_SLAVE);
    }
}
