package com.groupbuy.projections.consumer;

import com.groupbuy.events.AggregateType;
import com.groupbuy.events.DomainEvent;
import com.groupbuy.events.EventRecord;

import java.util.List;
import java.util.Set;

/**
 * A read model fed from the event topics. Each projection consumes as its own consumer group, so each has its
 * own position, lag and rebuild. {@code apply} must be idempotent: the same record may arrive again.
 */
public interface Projection {

    /** Stable name: part of the consumer group id and of the metrics' tags. */
    String name();

    /** The aggregates whose event topics this projection reads; it subscribes to those topics only. */
    Set<AggregateType> sources();

    void apply(EventRecord record, DomainEvent event);

    /**
     * Applies the events of one poll, in their order, inside the poll's PostgreSQL transaction. Override to save
     * round trips to the store; the result must be that of {@link #apply} on each in turn.
     */
    default void applyAll(List<DecodedEvent> events) {
        for (DecodedEvent event : events) {
            apply(event.record(), event.event());
        }
    }
}
