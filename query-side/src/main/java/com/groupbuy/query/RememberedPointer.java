package com.groupbuy.query;

import org.redisson.api.RedissonClient;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * A {@link RedisPointer} looked up at most once per {@code maxAge}, for the hottest reads: it saves a round trip to
 * Redis per read. The generation only changes when the projections rebuild a read model, and then a reader that
 * finds nothing under the generation it remembers asks the pointer again ({@link #current()}) before answering that
 * nothing is there.
 */
public final class RememberedPointer {

    private record Looked(Optional<Long> generation, long at) {
    }

    private final RedissonClient redis;
    private final String pointer;
    private final long maxAgeNanos;
    private final LongSupplier nanoTime;
    private volatile Looked last;

    public RememberedPointer(RedissonClient redis, String pointer, Duration maxAge) {
        this(redis, pointer, maxAge, System::nanoTime);
    }

    RememberedPointer(RedissonClient redis, String pointer, Duration maxAge, LongSupplier nanoTime) {
        this.redis = redis;
        this.pointer = pointer;
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoTime = nanoTime;
    }

    /** The generation as looked up less than {@code maxAge} ago, or now. */
    public Optional<Long> generation() {
        Looked seen = last;
        if (seen != null && seen.generation().isPresent() && nanoTime.getAsLong() - seen.at() < maxAgeNanos) {
            return seen.generation();
        }
        return current();
    }

    /** The generation as the pointer names it now. */
    public Optional<Long> current() {
        Optional<Long> generation = RedisPointer.generation(redis, pointer);
        last = new Looked(generation, nanoTime.getAsLong());
        return generation;
    }
}
