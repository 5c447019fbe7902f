package com.groupbuy.platform.redis;

import org.redisson.config.Config;

/**
 * How much of a process's Redisson client its concurrent requests share, from the cores the process sees: the
 * connections in the pool (a command holds one until its answer, so they bound the commands in flight) and the
 * Netty threads that write and read them. Never below Redisson's defaults (64 connections, 32 threads), which a
 * two-core pod had before this rule; above 8 cores the pool grows by 8 a core up to 256, and the threads by 2 a
 * core up to 64. {@code groupbuy.redis.connections} and {@code groupbuy.redis.netty-threads} override either.
 */
public record RedisClientSizing(int connections, int minimumIdle, int nettyThreads) {

    static final int MIN_CONNECTIONS = 64;
    static final int CONNECTIONS_PER_CORE = 8;
    static final int MAX_CONNECTIONS = 256;
    static final int MIN_NETTY_THREADS = 32;
    static final int NETTY_THREADS_PER_CORE = 2;
    static final int MAX_NETTY_THREADS = 64;

    public RedisClientSizing {
        if (connections < 1 || nettyThreads < 1 || minimumIdle < 0) {
            throw new IllegalArgumentException("connections and netty threads must be positive, minimum idle not "
                    + "negative: " + connections + ", " + nettyThreads + ", " + minimumIdle);
        }
        minimumIdle = Math.min(minimumIdle, connections);
    }

    /** The rule for {@code cores} cores, keeping {@code minimumIdle} connections open while idle. */
    public static RedisClientSizing forCores(int cores, int minimumIdle) {
        return new RedisClientSizing(
                clamp(cores * CONNECTIONS_PER_CORE, MIN_CONNECTIONS, MAX_CONNECTIONS), minimumIdle,
                clamp(cores * NETTY_THREADS_PER_CORE, MIN_NETTY_THREADS, MAX_NETTY_THREADS));
    }

    /** The rule for the cores this JVM sees (its container's CPU limit, rounded up). */
    public static RedisClientSizing forThisProcess(int minimumIdle) {
        return forCores(Runtime.getRuntime().availableProcessors(), minimumIdle);
    }

    /** This sizing with the sizes an operator set; 0 leaves the rule's. */
    public RedisClientSizing overriddenBy(int connections, int nettyThreads) {
        return new RedisClientSizing(connections > 0 ? connections : this.connections, minimumIdle,
                nettyThreads > 0 ? nettyThreads : this.nettyThreads);
    }

    /** {@code config} pointed at the single Redis server of {@code url}, sized by this. */
    public Config applyTo(Config config, String url) {
        config.setNettyThreads(nettyThreads);
        config.useSingleServer().setAddress(url).setConnectionPoolSize(connections)
                .setConnectionMinimumIdleSize(minimumIdle);
        return config;
    }

    private static int clamp(int value, int floor, int cap) {
        return Math.max(floor, Math.min(cap, value));
    }
}
