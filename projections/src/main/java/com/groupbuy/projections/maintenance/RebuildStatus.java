package com.groupbuy.projections.maintenance;

import java.time.Instant;

/**
 * Where a rebuild of one read model stands. {@code liveChecksum} is the model that was serving, taken at the
 * switch-over, {@code rebuiltChecksum} the one that replaced it; {@code identical} says whether they were equal
 * when both reflected exactly the same offsets (null when they could not be compared at the same offsets, e.g.
 * when nothing was serving).
 */
public record RebuildStatus(String projection, String store, State state, String phase, Instant startedAt,
                            Instant finishedAt, long recordsRead, long recordsSkipped, Double recordsPerSecond,
                            ReadModelChecksum liveChecksum, ReadModelChecksum rebuiltChecksum, Boolean identical,
                            String error) {

    public enum State { RUNNING, DONE, FAILED }
}
