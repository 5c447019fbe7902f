package com.groupbuy.projections.maintenance;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** The progress of one rebuild, updated by the thread that runs it and read by the status endpoint. */
final class Run {

    record Outcome(ReadModelChecksum live, ReadModelChecksum rebuilt, Boolean identical) {
    }

    final String projection;
    final String store;
    final Instant startedAt = Instant.now();
    final AtomicLong read = new AtomicLong();
    final AtomicLong skipped = new AtomicLong();
    private volatile String phase = "reading from offset 0";
    private volatile Instant finishedAt;
    private volatile Outcome outcome;
    private volatile String error;

    Run(String projection, String store) {
        this.projection = projection;
        this.store = store;
    }

    void phase(String phase) {
        this.phase = phase;
    }

    void done(Outcome outcome) {
        this.outcome = outcome;
        this.phase = "switched";
        this.finishedAt = Instant.now();
    }

    void failed(Exception e) {
        this.error = e.toString();
        this.finishedAt = Instant.now();
    }

    boolean running() {
        return finishedAt == null;
    }

    RebuildStatus status() {
        Instant end = finishedAt == null ? Instant.now() : finishedAt;
        long millis = Math.max(1, Duration.between(startedAt, end).toMillis());
        RebuildStatus.State state = finishedAt == null ? RebuildStatus.State.RUNNING
                : error == null ? RebuildStatus.State.DONE : RebuildStatus.State.FAILED;
        Outcome o = outcome;
        return new RebuildStatus(projection, store, state, phase, startedAt, finishedAt, read.get(), skipped.get(),
                Math.round(read.get() * 10_000.0 / millis) / 10.0, o == null ? null : o.live(),
                o == null ? null : o.rebuilt(), o == null ? null : o.identical(), error);
    }
}
