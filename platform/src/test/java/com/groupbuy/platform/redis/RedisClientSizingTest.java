package com.groupbuy.platform.redis;

import org.junit.jupiter.api.Test;
import org.redisson.config.Config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedisClientSizingTest {

    @Test
    void a_two_core_pod_keeps_redissons_defaults() {
        assertThat(RedisClientSizing.forCores(2, 8)).isEqualTo(new RedisClientSizing(64, 8, 32));
    }

    @Test
    void a_sixteen_core_pod_gets_eight_connections_a_core_and_no_fewer_netty_threads_than_before() {
        assertThat(RedisClientSizing.forCores(16, 8)).isEqualTo(new RedisClientSizing(128, 8, 32));
    }

    @Test
    void a_very_large_machine_is_capped() {
        assertThat(RedisClientSizing.forCores(128, 8)).isEqualTo(new RedisClientSizing(256, 8, 64));
    }

    @Test
    void an_operators_sizes_win_over_the_rule_and_zero_leaves_the_rules() {
        RedisClientSizing rule = RedisClientSizing.forCores(16, 8);

        assertThat(rule.overriddenBy(32, 0)).isEqualTo(new RedisClientSizing(32, 8, 32));
        assertThat(rule.overriddenBy(0, 12)).isEqualTo(new RedisClientSizing(128, 8, 12));
        assertThat(rule.overriddenBy(0, 0)).isEqualTo(rule);
    }

    @Test
    void the_idle_connections_kept_open_never_exceed_the_pool() {
        assertThat(RedisClientSizing.forCores(2, 8).overriddenBy(4, 0).minimumIdle()).isEqualTo(4);
    }

    @Test
    void a_pool_without_connections_is_refused() {
        assertThatThrownBy(() -> new RedisClientSizing(0, 0, 32)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void the_sizing_lands_in_the_redisson_config() {
        Config config = RedisClientSizing.forCores(16, 4).applyTo(new Config(), "redis://localhost:6379");

        assertThat(config.getNettyThreads()).isEqualTo(32);
        assertThat(config.useSingleServer().getConnectionPoolSize()).isEqualTo(128);
        assertThat(config.useSingleServer().getConnectionMinimumIdleSize()).isEqualTo(4);
        assertThat(config.useSingleServer().getAddress()).isEqualTo("redis://localhost:6379");
    }
}
