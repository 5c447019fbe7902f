package com.groupbuy.projections.consumer;

import com.groupbuy.events.AggregateType;
import com.groupbuy.events.DomainEvent;
import com.groupbuy.events.EventRecord;

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
}
