package com.groupbuy.command.infrastructure.axon;

import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.AggregateCacheEntry;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.RepositoryProvider;

/**
 * An event-sourcing repository whose cache saves replaying history but never decides anything: before every
 * command, a cached aggregate reads the events appended after it was cached, by this process or by any other, so
 * a check, a refusal or a no-op is decided on the state the event store holds now. Axon's own caching repository
 * trusts a cache hit, which is right only where one process owns the aggregate; here the api, every worker and
 * every deadline may handle commands for the same aggregate (docs/decisions/0008-fresh-state-aggregates.md).
 *
 * <p>A race that remains (another process appends between this read and this append) fails on the event table's
 * (aggregate, sequence) key, drops the cache entry and is retried on fresh state by the command gateway.
 *
 * <p>Every aggregate type shares the event store and the cache, so an id is found only as the type that stored it:
 * an order id used as a group (or a coupon) is not found, instead of the order's events replayed into a group.
 */
final class FreshStateRepository<T> extends EventSourcingRepository<T> {

    private final Parts parts;
    private final SnapshotTriggerDefinition snapshotTrigger;

    private FreshStateRepository(Builder<T> builder, Parts parts, SnapshotTriggerDefinition snapshotTrigger) {
        super(builder);
        this.parts = parts;
        this.snapshotTrigger = snapshotTrigger;
    }

    /**
     * The parts every aggregate's repository shares: handlers get Spring beans through the resolver factory, and an
     * aggregate that creates another (a campaign issuing a coupon) finds its repository through the provider.
     */
    record Parts(EventStore eventStore, Cache cache, ParameterResolverFactory parameterResolvers,
                 HandlerDefinition handlerDefinition, RepositoryProvider repositories) {

        <T> FreshStateRepository<T> repositoryOf(Class<T> aggregateType, SnapshotTriggerDefinition snapshotTrigger) {
            Builder<T> builder = EventSourcingRepository.builder(aggregateType)
                    .eventStore(eventStore)
                    .parameterResolverFactory(parameterResolvers)
                    .handlerDefinition(handlerDefinition)
                    .repositoryProvider(repositories)
                    .snapshotTriggerDefinition(snapshotTrigger)
                    .filterByAggregateType();
            return new FreshStateRepository<>(builder, this, snapshotTrigger);
        }
    }

    @Override
    protected EventSourcedAggregate<T> doLoadWithLock(String aggregateIdentifier, Long expectedVersion) {
        AggregateCacheEntry<T> cached = parts.cache().get(cacheKeyOf(aggregateIdentifier));
        if (cached == null) {
            return super.doLoadWithLock(aggregateIdentifier, expectedVersion);
        }
        forgetOnRollback(aggregateIdentifier);
        EventSourcedAggregate<T> aggregate = cached.recreateAggregate(aggregateModel(), parts.eventStore(),
                parts.repositories(), snapshotTrigger);
        DomainEventStream newer = parts.eventStore().readEvents(aggregateIdentifier, nextSequenceOf(aggregate));
        if (newer.hasNext()) {
            aggregate.initializeState(newer);
        }
        if (aggregate.isDeleted()) {
            throw new AggregateDeletedException(aggregateIdentifier);
        }
        return aggregate;
    }

    @Override
    protected void validateOnLoad(Aggregate<T> aggregate, Long expectedVersion) {
        forgetOnRollback(aggregate.identifierAsString());
        super.validateOnLoad(aggregate, expectedVersion);
    }

    @Override
    protected void doSaveWithLock(EventSourcedAggregate<T> aggregate) {
        super.doSaveWithLock(aggregate);
        remember(aggregate);
    }

    @Override
    protected void doDeleteWithLock(EventSourcedAggregate<T> aggregate) {
        super.doDeleteWithLock(aggregate);
        remember(aggregate);
    }

    private void remember(EventSourcedAggregate<T> aggregate) {
        forgetOnRollback(aggregate.identifierAsString());
        parts.cache().put(cacheKeyOf(aggregate.identifierAsString()), new AggregateCacheEntry<>(aggregate));
    }

    /** A unit of work that failed (a lost race among them) may have left the cached root half-changed. */
    private void forgetOnRollback(String aggregateIdentifier) {
        CurrentUnitOfWork.get().onRollback(unitOfWork -> parts.cache().remove(cacheKeyOf(aggregateIdentifier)));
    }

    private String cacheKeyOf(String aggregateIdentifier) {
        return aggregateModel().type() + "/" + aggregateIdentifier;
    }

    private static long nextSequenceOf(EventSourcedAggregate<?> aggregate) {
        Long version = aggregate.version();
        return version == null ? 0 : version + 1;
    }
}
