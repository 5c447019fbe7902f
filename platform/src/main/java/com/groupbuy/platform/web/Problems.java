package com.groupbuy.platform.web;

import com.groupbuy.contract.ErrorCode;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.Locale;

/** Builds the RFC 9457 problem documents of the API: type, title, status, detail and a stable code. */
public final class Problems {

    static final String TYPE_BASE = "https://groupbuy.dev/problems/";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, ErrorCode code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        return withCode(problem, code);
    }

    /** {@code https://groupbuy.dev/problems/<code-in-kebab-case>}. */
    public static URI typeOf(ErrorCode code) {
        return URI.create(TYPE_BASE + code.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    static ProblemDetail withCode(ProblemDetail problem, ErrorCode code) {
        problem.setType(typeOf(code));
        if (problem.getTitle() == null) {
            problem.setTitle(code.name());
        }
        problem.setProperty("code", code.name());
        return problem;
    }
}
