package com.groupbuy.query.freshness;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Adds to every answer of a {@link ReadModel} handler, read before the handler runs (so the answer reflects at
 * least this much):
 * <ul>
 *   <li>{@code X-Read-Model-Position: orders=1234} — event records each projection has consumed;</li>
 *   <li>{@code X-Read-Model-Event-Time} — when the newest event applied happened (the oldest of these when the
 *       answer comes from several projections);</li>
 *   <li>{@code X-Read-Model-Age} — seconds from then to now.</li>
 * </ul>
 */
final class FreshnessHeaders implements HandlerInterceptor {

    static final String POSITION = "X-Read-Model-Position";
    static final String EVENT_TIME = "X-Read-Model-Event-Time";
    static final String AGE = "X-Read-Model-Age";

    private final ProjectionFreshness freshness;
    private final Clock clock;

    FreshnessHeaders(ProjectionFreshness freshness, Clock clock) {
        this.freshness = freshness;
        this.clock = clock;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        ReadModel readModel = readModelOf(method);
        if (readModel == null) {
            return true;
        }
        Map<String, ProjectionFreshness.Freshness> found = freshness.of(Arrays.asList(readModel.value()));
        response.setHeader(POSITION, found.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue().position()).collect(Collectors.joining(", ")));
        found.values().stream().map(ProjectionFreshness.Freshness::lastEventAt).filter(Objects::nonNull)
                .min(Instant::compareTo).ifPresent(at -> {
                    response.setHeader(EVENT_TIME, at.toString());
                    response.setHeader(AGE, Long.toString(Math.max(0, Duration.between(at, clock.instant())
                            .toSeconds())));
                });
        return true;
    }

    /** The read models a handler answers from: its own {@code @ReadModel}, else its controller's; null for none. */
    static ReadModel readModelOf(HandlerMethod method) {
        ReadModel readModel = method.getMethodAnnotation(ReadModel.class);
        return readModel != null ? readModel : method.getBeanType().getAnnotation(ReadModel.class);
    }
}
