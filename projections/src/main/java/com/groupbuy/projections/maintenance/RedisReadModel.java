package com.groupbuy.projections.maintenance;

import com.groupbuy.projections.consumer.Projection;

import java.util.Optional;

/**
 * A projection whose read model lives in Redis in numbered generations: readers follow a pointer to the current
 * one, a rebuild fills a new one from Kafka and moves the pointer. A missing pointer means Redis lost the model.
 */
public interface RedisReadModel {

    /** The generation readers use; empty when Redis has none (flushed, or never built). */
    Optional<Long> currentGeneration();

    /** The projection writing into {@code generation} whatever the pointer says (for rebuilds). */
    Projection writingTo(long generation);

    /** Points readers and live writers at {@code generation}. */
    void switchTo(long generation);

    /** The prefix of every key of one generation. */
    String keyPrefix(long generation);
}
