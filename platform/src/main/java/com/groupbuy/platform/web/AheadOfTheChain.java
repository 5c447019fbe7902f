package com.groupbuy.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.CompositeHeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;
import org.springframework.web.filter.ServerHttpObservationFilter;

import java.util.List;

/**
 * What a filter that answers the hottest calls itself, ahead of Spring Security's filter chain and Spring MVC (the
 * flash-sale crowd's purchases, a product read), must still do for its answers to read as every other endpoint's.
 */
public final class AheadOfTheChain {

    private static final HeaderWriter SECURITY_HEADERS = new CompositeHeaderWriter(List.of(
            new XContentTypeOptionsHeaderWriter(), new XXssProtectionHeaderWriter(), new CacheControlHeadersWriter(),
            new HstsHeaderWriter(), new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY)));

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

    /**
     * The headers Spring Security's chain puts on every answer by default, written by its own header writers (HSTS
     * only over HTTPS, as there).
     */
    public static void secureHeaders(HttpServletRequest request, HttpServletResponse response) {
        SECURITY_HEADERS.writeHeaders(request, response);
    }
}
