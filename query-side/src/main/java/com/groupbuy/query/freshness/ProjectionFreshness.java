package com.groupbuy.query.freshness;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How far each projection has got, from the {@code projection_position} table the projections write in the same
 * transaction as their rows: {@code position} is the number of event records it has consumed (the sum of its next
 * offsets over its partitions), {@code lastEventAt} when the newest event it applied happened.
 */
@Component
class ProjectionFreshness {

    record Freshness(long position, Instant lastEventAt) {
    }

    private final JdbcClient jdbc;

    ProjectionFreshness(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Per projection asked, in the order asked; a projection that has applied nothing yet is at position 0. */
    Map<String, Freshness> of(List<String> projections) {
        Map<String, Freshness> found = new LinkedHashMap<>();
        projections.forEach(p -> found.put(p, new Freshness(0, null)));
        jdbc.sql("""
                        SELECT projection, SUM(next_offset) AS position, MAX(last_event_at) AS last_event_at
                          FROM projection_position
                         WHERE projection IN (:projections)
                         GROUP BY projection""")
                .param("projections", projections)
                .query(rs -> {
                    Timestamp at = rs.getTimestamp("last_event_at");
                    found.put(rs.getString("projection"),
                            new Freshness(rs.getLong("position"), at == null ? null : at.toInstant()));
                });
        return found;
    }
}
