package com.groupbuy.projections.consumer;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * {@code groupbuy.projections.*}: consumers per projection, retries before a dead letter, and {@code run}, the
 * projections whose live consumers this process runs (all when unset), so that pods can be split by read model.
 * {@code group-prefix} names the projections' consumer groups ({@link ProjectionGroups}).
 * {@code fault.halt-before-commit} is for the fault suite only ({@link CrashPoint}).
 */
@ConfigurationProperties("groupbuy.projections")
record ProjectionSettings(Integer concurrency, Integer retries, Duration retryBackoff, List<String> run,
                          String groupPrefix, Fault fault) {

    /** {@code haltBeforeCommit}: the projection whose poll number {@code haltAfterPolls} halts the process. */
    record Fault(String haltBeforeCommit, Integer haltAfterPolls) {
    }

    ProjectionSettings {
        concurrency = concurrency == null ? 1 : concurrency;
        retries = retries == null ? 3 : retries;
        retryBackoff = retryBackoff == null ? Duration.ofMillis(500) : retryBackoff;
    }

    ProjectionGroups groups() {
        return new ProjectionGroups(groupPrefix);
    }

    CrashPoint crashPoint() {
        if (fault == null || fault.haltBeforeCommit() == null) {
            return CrashPoint.never();
        }
        return CrashPoint.before(fault.haltBeforeCommit(), fault.haltAfterPolls() == null ? 1 : fault.haltAfterPolls());
    }

    boolean runs(String projection) {
        return run == null || run.contains(projection);
    }
}
