package com.groupbuy.query.freshness;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

/**
 * How far each projection has got, from the {@code projection_position} table the projections write in the same
 * transaction as their rows: {@code position} is the number of event records it has consumed (the sum of its next
 * offsets over its partitions), {@code lastEventAt} when the newest event it applied happened.
 *
 * <p>All projections are read in one query and kept for {@code groupbuy.freshness.max-staleness} (200 ms): positions
 * only grow, so a value read a moment before the request is still what the answer reflects at least, and the hottest
 * reads (a product, served from Redis) no longer cost a PostgreSQL query each. What the headers say of each set of
 * projections is worked out once per read of the positions, not per answer.
 */
@Component
class ProjectionFreshness {

    record Freshness(long position, Instant lastEventAt) {
    }

    /** What the headers say of some projections, from one read of the positions. */
    record Summary(String positions, Instant lastEventAt, String lastEventAtText) {
    }

    private record Snapshot(Map<String, Freshness> all, long readAtNanos, Map<List<String>, Summary> summaries) {
    }

    private static final Freshness NOTHING_APPLIED = new Freshness(0, null);

    private final JdbcClient jdbc;
    private final long maxStalenessNanos;
    private final ReentrantLock refreshing = new ReentrantLock();
    private volatile Snapshot current;

    ProjectionFreshness(JdbcClient jdbc,
                        @Value("${groupbuy.freshness.max-staleness:200ms}") Duration maxStaleness) {
        this.jdbc = jdbc;
        this.maxStalenessNanos = maxStaleness.toNanos();
    }

    /**
     * The positions of {@code projections} (0 for one that has applied nothing yet) and the oldest of their newest
     * events, worked out once per read.
     */
    Summary summaryOf(List<String> projections) {
        Snapshot snapshot = snapshot();
        return snapshot.summaries().computeIfAbsent(projections, asked -> {
            Map<String, Freshness> found = new LinkedHashMap<>();
            asked.forEach(p -> found.put(p, snapshot.all().getOrDefault(p, NOTHING_APPLIED)));
            Instant oldest = found.values().stream().map(Freshness::lastEventAt).filter(Objects::nonNull)
                    .min(Instant::compareTo).orElse(null);
            return new Summary(found.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().position())
                    .collect(Collectors.joining(", ")), oldest, oldest == null ? null : oldest.toString());
        });
    }

    /**
     * The positions as read less than the staleness ago; when they are older, one request reads them again while
     * the others go on with the previous read.
     */
    private Snapshot snapshot() {
        Snapshot seen = current;
        if (seen != null && System.nanoTime() - seen.readAtNanos() < maxStalenessNanos) {
            return seen;
        }
        if (seen != null && !refreshing.tryLock()) {
            return seen;
        }
        if (seen == null) {
            refreshing.lock();
        }
        try {
            Snapshot now = current;
            if (now != seen && now != null) {
                return now;
            }
            Snapshot read = new Snapshot(readAll(), System.nanoTime(), new ConcurrentHashMap<>());
            current = read;
            return read;
        } finally {
            refreshing.unlock();
        }
    }

    private Map<String, Freshness> readAll() {
        Map<String, Freshness> all = new HashMap<>();
        jdbc.sql("""
                        SELECT projection, SUM(next_offset) AS position, MAX(last_event_at) AS last_event_at
                          FROM projection_position
                         GROUP BY projection""")
                .query(rs -> {
                    Timestamp at = rs.getTimestamp("last_event_at");
                    all.put(rs.getString("projection"),
                            new Freshness(rs.getLong("position"), at == null ? null : at.toInstant()));
                });
        return all;
    }
}
