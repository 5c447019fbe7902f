package com.groupbuy.command.infrastructure.axon;

import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.NoSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.annotation.ClasspathHandlerDefinition;
import org.axonframework.messaging.annotation.ClasspathParameterResolverFactory;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.Test;

import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** Aggregates share one event store and one cache; an id is found only by the repository of its own type. */
class FreshStateRepositoryTest {

    private final FreshStateRepository.Parts parts = new FreshStateRepository.Parts(
            EmbeddedEventStore.builder().storageEngine(new InMemoryEventStorageEngine()).build(),
            new WeakReferenceCache(), ClasspathParameterResolverFactory.forClass(getClass()),
            ClasspathHandlerDefinition.forClass(getClass()), null);
    private final FreshStateRepository<Teapot> teapots =
            parts.repositoryOf(Teapot.class, NoSnapshotTriggerDefinition.INSTANCE);
    private final FreshStateRepository<Kettle> kettles =
            parts.repositoryOf(Kettle.class, NoSnapshotTriggerDefinition.INSTANCE);

    @Test
    void the_id_of_another_aggregate_type_is_not_found() throws Exception {
        inUnitOfWork(() -> teapots.newInstance(() -> new Teapot("pot-1")));
        parts.cache().removeAll();

        assertThatThrownBy(() -> inUnitOfWork(() -> kettles.load("pot-1")))
                .isInstanceOf(AggregateNotFoundException.class);
    }

    @Test
    void the_id_of_another_aggregate_type_is_not_found_while_that_aggregate_is_cached() throws Exception {
        inUnitOfWork(() -> teapots.newInstance(() -> new Teapot("pot-2")));

        assertThatThrownBy(() -> inUnitOfWork(() -> kettles.load("pot-2")))
                .isInstanceOf(AggregateNotFoundException.class);
        assertThat(inUnitOfWork(() -> teapots.load("pot-2").invoke(Teapot::id))).isEqualTo("pot-2");
    }

    private static <R> R inUnitOfWork(Callable<R> work) throws Exception {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            R result = work.call();
            unitOfWork.commit();
            return result;
        } catch (Exception e) {
            unitOfWork.rollback(e);
            throw e;
        }
    }

    record TeapotBought(String id) {
    }

    static class Teapot {

        @AggregateIdentifier
        private String id;

        Teapot() {
        }

        Teapot(String id) {
            apply(new TeapotBought(id));
        }

        @EventSourcingHandler
        void on(TeapotBought event) {
            id = event.id();
        }

        String id() {
            return id;
        }
    }

    static class Kettle {

        @AggregateIdentifier
        private String id;

        Kettle() {
        }
    }
}
