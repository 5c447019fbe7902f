package com.groupbuy.platform.web;

import com.groupbuy.contract.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses bodies over the limit with 413: at once when Content-Length says so, else while reading (a chunked body).
 * A controller reading too much answers through the MVC error handler; a filter reading the body first (the
 * idempotency filter hashes it) throws outside of it, so the 413 is answered here.
 */
class RequestSizeLimitFilter extends OncePerRequestFilter {

    static final long LIMIT_BYTES = 64 * 1024;

    private final ProblemWriter problems;

    RequestSizeLimitFilter(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > LIMIT_BYTES) {
            refuse(response, new PayloadTooLargeException(LIMIT_BYTES));
            return;
        }
        try {
            chain.doFilter(new LimitedRequest(request), response);
        } catch (PayloadTooLargeException e) {
            if (response.isCommitted()) {
                throw e;
            }
            refuse(response, e);
        }
    }

    private void refuse(HttpServletResponse response, PayloadTooLargeException e) throws IOException {
        problems.write(response, HttpStatus.CONTENT_TOO_LARGE, ErrorCode.PAYLOAD_TOO_LARGE, e.getMessage());
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        LimitedRequest(HttpServletRequest request) {
            super(request);
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            ServletInputStream in = super.getInputStream();
            return new ServletInputStream() {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = in.read();
                    if (b >= 0) {
                        count(1);
                    }
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = in.read(buffer, offset, length);
                    if (n > 0) {
                        count(n);
                    }
                    return n;
                }

                private void count(int n) {
                    read += n;
                    if (read > LIMIT_BYTES) {
                        throw new PayloadTooLargeException(LIMIT_BYTES);
                    }
                }

                @Override
                public boolean isFinished() {
                    return in.isFinished();
                }

                @Override
                public boolean isReady() {
                    return in.isReady();
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    in.setReadListener(listener);
                }
            };
        }
    }
}
