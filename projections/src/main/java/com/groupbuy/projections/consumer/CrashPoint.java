package com.groupbuy.projections.consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fault-test hook, off unless {@code groupbuy.projections.fault.halt-before-commit} names a projection: the
 * process halts at once (no shutdown hooks, as under SIGKILL) when that projection has applied a poll to its
 * store, a Redis read model's writes being done, and has not committed its position in PostgreSQL yet. The fault
 * suite uses it to kill the process exactly between the two; nothing else should set it.
 */
final class CrashPoint {

    static final int HALT_STATUS = 137;
    private static final Logger log = LoggerFactory.getLogger(CrashPoint.class);

    private final String projection;
    private final AtomicInteger pollsBeforeHalting;

    private CrashPoint(String projection, int afterPolls) {
        this.projection = projection;
        this.pollsBeforeHalting = new AtomicInteger(afterPolls);
    }

    static CrashPoint never() {
        return new CrashPoint(null, 0);
    }

    /** Halts once {@code projection} has applied {@code afterPolls} polls without committing the last one. */
    static CrashPoint before(String projection, int afterPolls) {
        return new CrashPoint(projection, afterPolls);
    }

    void appliedNotCommitted(String applied) {
        if (applied.equals(projection) && pollsBeforeHalting.decrementAndGet() == 0) {
            log.error("fault injection: halting between {}'s store writes and its position commit", applied);
            Runtime.getRuntime().halt(HALT_STATUS);
        }
    }
}
