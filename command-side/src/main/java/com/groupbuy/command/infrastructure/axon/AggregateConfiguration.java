package com.groupbuy.command.infrastructure.axon;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.ExponentialBackOffIntervalRetryScheduler;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * How aggregates are loaded and commands retried. Hot aggregates (a product in a crowd, a popular campaign) are
 * cached in memory and snapshotted, so a command does not replay their whole history. When another process
 * appended first, the append fails on the (aggregate, sequence) key and the command is retried on fresh state.
 */
@Configuration(proxyBeanMethods = false)
public class AggregateConfiguration {

    @Bean
    Cache aggregateCache() {
        return new WeakReferenceCache();
    }

    @Bean
    SnapshotTriggerDefinition productSnapshotTrigger(Snapshotter snapshotter,
                                                     @Value("${groupbuy.snapshots.every:250}") int every) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, every);
    }

    @Bean
    SnapshotTriggerDefinition campaignSnapshotTrigger(Snapshotter snapshotter,
                                                      @Value("${groupbuy.snapshots.every:250}") int every) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, every);
    }

    /** Only a lost race on an aggregate is worth retrying; a refused command would be refused again. */
    static boolean causedByConcurrentAppend(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }

    @Bean(destroyMethod = "shutdown")
    ScheduledExecutorService commandRetryExecutor() {
        return Executors.newScheduledThreadPool(1, Thread.ofPlatform().name("command-retry").daemon().factory());
    }

    @Bean
    CommandGateway commandGateway(CommandBus commandBus, ScheduledExecutorService commandRetryExecutor,
                                  @Value("${groupbuy.commands.max-retries:8}") int maxRetries) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(ExponentialBackOffIntervalRetryScheduler.builder()
                        .retryExecutor(commandRetryExecutor)
                        .backoffFactor(10)
                        .maxRetryCount(maxRetries)
                        .nonTransientFailurePredicate(failure -> !causedByConcurrentAppend(failure))
                        .build())
                .build();
    }
}
