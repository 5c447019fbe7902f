package com.groupbuy.command.infrastructure.axon;

import org.axonframework.commandhandling.gateway.ExponentialBackOffIntervalRetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Retries exactly the commands that lost a race on an aggregate: their append failed on the event table's
 * (aggregate, sequence) key because another process (or thread) appended first, and run again they decide on the
 * state that includes the winner's events. A refused command would be refused again and is never retried.
 *
 * <p>Axon asks its failure predicate about the failure and about every cause in its chain; the JDBC store's
 * {@link ConcurrencyException} carries the driver's {@code SQLException}, so a predicate could not say "retry
 * this" here. The decision is taken once, on the whole chain.
 */
final class ConflictRetryScheduler extends ExponentialBackOffIntervalRetryScheduler {

    private ConflictRetryScheduler(Builder builder) {
        super(builder);
    }

    static ConflictRetryScheduler of(Builder builder) {
        return new ConflictRetryScheduler(builder);
    }

    @Override
    protected boolean isExplicitlyNonTransient(Throwable failure) {
        return !lostARace(failure);
    }

    static boolean lostARace(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }
}
