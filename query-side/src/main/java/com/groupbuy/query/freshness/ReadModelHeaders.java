package com.groupbuy.query.freshness;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The freshness headers of an answer from some read models, read before the answer is (so it reflects at least
 * this much):
 * <ul>
 *   <li>{@code X-Read-Model-Position: orders=1234} — event records each projection has consumed;</li>
 *   <li>{@code X-Read-Model-Event-Time} — when the newest event applied happened (the oldest of these when the
 *       answer comes from several projections);</li>
 *   <li>{@code X-Read-Model-Age} — seconds from then to now.</li>
 * </ul>
 */
@Component
public class ReadModelHeaders {

    static final String POSITION = "X-Read-Model-Position";
    static final String EVENT_TIME = "X-Read-Model-Event-Time";
    static final String AGE = "X-Read-Model-Age";

    private final ProjectionFreshness freshness;
    private final Clock clock = Clock.systemUTC();

    ReadModelHeaders(ProjectionFreshness freshness) {
        this.freshness = freshness;
    }

    public void write(HttpServletResponse response, List<String> projections) {
        ProjectionFreshness.Summary summary = freshness.summaryOf(projections);
        response.setHeader(POSITION, summary.positions());
        if (summary.lastEventAt() != null) {
            response.setHeader(EVENT_TIME, summary.lastEventAtText());
            response.setHeader(AGE, Long.toString(Math.max(0,
                    Duration.between(summary.lastEventAt(), clock.instant()).toSeconds())));
        }
    }
}
