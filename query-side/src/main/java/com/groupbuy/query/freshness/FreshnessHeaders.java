package com.groupbuy.query.freshness;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.util.Arrays;

/** Adds the {@link ReadModelHeaders} to every answer of a {@link ReadModel} handler, before the handler runs. */
final class FreshnessHeaders implements HandlerInterceptor {

    private final ReadModelHeaders headers;

    FreshnessHeaders(ReadModelHeaders headers) {
        this.headers = headers;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            ReadModel readModel = readModelOf(method);
            if (readModel != null) {
                headers.write(response, Arrays.asList(readModel.value()));
            }
        }
        return true;
    }

    /** The read models a handler answers from: its own {@code @ReadModel}, else its controller's; null for none. */
    static ReadModel readModelOf(HandlerMethod method) {
        ReadModel readModel = method.getMethodAnnotation(ReadModel.class);
        return readModel != null ? readModel : method.getBeanType().getAnnotation(ReadModel.class);
    }
}
