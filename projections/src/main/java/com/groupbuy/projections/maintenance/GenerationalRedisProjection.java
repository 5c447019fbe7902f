package com.groupbuy.projections.maintenance;

import com.groupbuy.events.DomainEvent;
import com.groupbuy.events.EventRecord;
import com.groupbuy.projections.consumer.DecodedEvent;
import com.groupbuy.projections.consumer.Projection;

import java.util.List;
import java.util.Optional;

/**
 * A Redis projection whose keys live in generations ({@link RedisGenerations}): a poll's events go to Redis as one
 * pipeline of scripts, into the live generation or, for a rebuild, into the one given. A subclass says what one
 * event writes, under which prefix a generation's keys live, and how to make a copy writing into another one.
 */
public abstract class GenerationalRedisProjection implements Projection, RedisReadModel {

    private final RedisGenerations generations;
    private final long generation;

    protected GenerationalRedisProjection(RedisGenerations generations, long generation) {
        this.generations = generations;
        this.generation = generation;
    }

    /** Adds to the pipeline what one event writes, if anything, into {@code pipeline.generation()}. */
    protected abstract void write(DecodedEvent decoded, RedisGenerations.Pipeline pipeline);

    protected final RedisGenerations generations() {
        return generations;
    }

    @Override
    public final void apply(EventRecord record, DomainEvent event) {
        applyAll(List.of(new DecodedEvent(record, event)));
    }

    @Override
    public final void applyAll(List<DecodedEvent> events) {
        generations.write(generation, events, this::write);
    }

    @Override
    public final Optional<Long> currentGeneration() {
        return generations.current();
    }

    @Override
    public final void switchTo(long generation) {
        generations.switchTo(generation);
    }
}
