package com.groupbuy.health;

import com.groupbuy.infra.Infrastructure;
import com.groupbuy.infra.Infrastructures;
import com.groupbuy.infra.TcpProxy;
import org.junit.jupiter.api.Test;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import org.springframework.boot.health.contributor.Status;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RedisHealthIndicatorIT {

    private static final Infrastructure INFRA = Infrastructures.shared();

    @Test
    void redis_is_up_while_it_answers_ping() {
        RedissonClient redisson = redissonAt(INFRA.redisPort());
        try {
            assertThat(new RedisHealthIndicator(redisson, Duration.ofSeconds(1)).health().getStatus())
                    .isEqualTo(Status.UP);
        } finally {
            redisson.shutdown();
        }
    }

    @Test
    void redis_is_down_once_the_server_cannot_be_reached() {
        try (TcpProxy proxy = TcpProxy.to(INFRA.redisHost(), INFRA.redisPort())) {
            RedissonClient redisson = redissonAt(proxy.port());
            try {
                RedisHealthIndicator indicator = new RedisHealthIndicator(redisson, Duration.ofMillis(500));
                assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);

                proxy.cut();

                assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
            } finally {
                redisson.shutdown();
            }
        }
    }

    private static RedissonClient redissonAt(int port) {
        Config config = new Config();
        config.useSingleServer().setAddress("redis://" + INFRA.redisHost() + ":" + port)
                .setConnectionMinimumIdleSize(1).setConnectionPoolSize(2).setTimeout(500).setRetryAttempts(0);
        return Redisson.create(config);
    }
}
