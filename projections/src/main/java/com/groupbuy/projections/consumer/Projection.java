package com.groupbuy.projections.consumer;

import com.groupbuy.events.DomainEvent;
import com.groupbuy.events.EventRecord;

/**
 * A read model fed from the event topics. Each projection consumes as its own consumer group, so each has its
 * own position, lag and rebuild. {@code apply} must be idempotent: the same record may arrive again.
 */
public interface Projection {

    /** Stable name: part of the consumer group id and of the metrics' tags. */
    String name();

    void apply(EventRecord record, DomainEvent event);
}
