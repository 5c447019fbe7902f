package com.groupbuy.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * What a filter that answers the hottest calls itself, ahead of Spring Security's filter chain and Spring MVC (the
 * flash-sale crowd's purchases, a product read), must still do for its answers to read as every other endpoint's.
 */
public final class AheadOfTheChain {

    private AheadOfTheChain() {
    }

    /**
     * Whether the request may be answered ahead of the chain at all: not one a browser sent with an {@code Origin},
     * whose cross-origin rules only the chain's CORS filter knows.
     */
    public static boolean mayAnswer(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.ORIGIN) == null;
    }

    /**
     * Times the request under the endpoint's pattern, as MVC would have named it: {@code http_server_requests}'s
     * {@code uri} tag, which the latency objectives and the request-rate autoscaling read.
     */
    public static void timedAs(HttpServletRequest request, String pathPattern) {
        ServerHttpObservationFilter.findObservationContext(request)
                .ifPresent(observation -> observation.setPathPattern(pathPattern));
    }

    /** The headers Spring Security's defaults put on every answer of the chain. */
    public static void secureHeaders(HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-XSS-Protection", "0");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache, no-store, max-age=0, must-revalidate");
        response.setHeader(HttpHeaders.PRAGMA, "no-cache");
        response.setHeader(HttpHeaders.EXPIRES, "0");
        response.setHeader("X-Frame-Options", "DENY");
    }
}
