package com.groupbuy.query;

import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import java.util.Optional;

/**
 * The generation a Redis read model's pointer names ({@code RedisKeys.*Generation()}): readers look it up first and
 * read that generation's keys. Empty while the projections rebuild a Redis that came back empty.
 */
public final class RedisPointer {

    private RedisPointer() {
    }

    public static Optional<Long> generation(RedissonClient redis, String pointer) {
        String value = redis.<String>getBucket(pointer, StringCodec.INSTANCE).get();
        return Optional.ofNullable(value).map(Long::parseLong);
    }
}
