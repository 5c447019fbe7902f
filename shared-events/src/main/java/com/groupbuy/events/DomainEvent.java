package com.groupbuy.events;

/**
 * An immutable fact about one aggregate. Every implementation is a record listed in {@link EventCatalog} and
 * carries a {@link SchemaVersion}.
 */
public interface DomainEvent {

    AggregateType aggregateType();

    String aggregateId();
}
