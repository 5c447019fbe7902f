package com.groupbuy.query.freshness;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
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

/**
 * How far each projection has got, from the {@code projection_position} table the projections write in the same
 * transaction as their rows: {@code position} is the number of event records it has consumed (the sum of its next
 * offsets over its partitions), {@code lastEventAt} when the newest event it applied happened.
 *
 * <p>All projections are read in one query and kept for {@code groupbuy.freshness.max-staleness} (200 ms): positions
 * only grow, so a value read a moment before the request is still what the answer reflects at least, and the hottest
 * reads (a product, served from Redis) no longer cost a PostgreSQL query each.
 */
@Component
class ProjectionFreshness {

    record Freshness(long position, Instant lastEventAt) {
    }

    private static final Freshness NOTHING_APPLIED = new Freshness(0, null);

    private final JdbcClient jdbc;
    private final LoadingCache<Boolean, Map<String, Freshness>> snapshot;

    ProjectionFreshness(JdbcClient jdbc,
                        @Value("${groupbuy.freshness.max-staleness:200ms}") Duration maxStaleness) {
        this.jdbc = jdbc;
        this.snapshot = Caffeine.newBuilder().expireAfterWrite(maxStaleness).build(all -> readAll());
    }

    /** Per projection asked, in the order asked; a projection that has applied nothing yet is at position 0. */
    Map<String, Freshness> of(List<String> projections) {
        Map<String, Freshness> all = snapshot.get(Boolean.TRUE);
        Map<String, Freshness> found = new LinkedHashMap<>();
        projections.forEach(p -> found.put(p, all.getOrDefault(p, NOTHING_APPLIED)));
        return found;
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
