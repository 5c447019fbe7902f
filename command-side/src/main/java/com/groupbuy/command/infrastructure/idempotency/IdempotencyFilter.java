package com.groupbuy.command.infrastructure.idempotency;

import com.groupbuy.contract.ErrorCode;
import com.groupbuy.platform.outage.ServerOutage;
import com.groupbuy.platform.web.CachedBodyRequest;
import com.groupbuy.platform.web.ProblemWriter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * {@code Idempotency-Key} on POST: the first answer (anything but a 5xx) is stored per user and key and returned
 * again for a repeat, which does nothing again; the same key with a different request is 422. A request whose
 * process died before answering leaves a claim that a repeat takes over after {@code abandonAfter}.
 */
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    private static final int MAX_KEY_LENGTH = 64;

    private final IdempotencyRecords records;
    private final ProblemWriter problems;
    private final Clock clock;
    private final Duration abandonAfter;

    IdempotencyFilter(IdempotencyRecords records, ProblemWriter problems, Clock clock, Duration abandonAfter) {
        this.records = records;
        this.problems = problems;
        this.clock = clock;
        this.abandonAfter = abandonAfter;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getHeader(HEADER) == null
                || !request.getRequestURI().startsWith("/api/");
    }

    /**
     * While PostgreSQL, where the answers are kept, is away, the request is answered 503 with Retry-After: the
     * repeat with the same key is safe whether or not this one ran (its ids come from the key).
     */
    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            filterOnce(request, response, chain);
        } catch (RuntimeException e) {
            if (!ServerOutage.causedBy(e) || response.isCommitted()) {
                throw e;
            }
            response.resetBuffer();
            response.setHeader("Retry-After", "1");
            problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.UNAVAILABLE,
                    "The answers to repeated requests cannot be kept right now; retry with the same Idempotency-Key");
        }
    }

    private void filterOnce(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller == null || !caller.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            problems.write(response, HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED,
                    "Idempotency-Key must be 1 to " + MAX_KEY_LENGTH + " characters");
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        String hash = hashOf(request, body);
        String user = caller.getName();
        Instant now = clock.instant();

        if (!records.claim(user, key, hash, now)) {
            Optional<IdempotencyRecords.Stored> stored = records.find(user, key);
            if (stored.isPresent() && !stored.get().requestHash().equals(hash)) {
                problems.write(response, HttpStatus.UNPROCESSABLE_CONTENT, ErrorCode.IDEMPOTENCY_KEY_REUSED,
                        "This Idempotency-Key was used for a different request");
                return;
            }
            if (stored.isPresent() && stored.get().isComplete()) {
                replay(stored.get(), response);
                return;
            }
            boolean abandoned = stored.isPresent()
                    && stored.get().startedAt().plus(abandonAfter).isBefore(now)
                    && records.takeOver(user, key, stored.get().startedAt(), now);
            if (stored.isPresent() && !abandoned) {
                response.setHeader("Retry-After", "1");
                problems.write(response, HttpStatus.CONFLICT, ErrorCode.ILLEGAL_STATE,
                        "A request with this Idempotency-Key is still being processed");
                return;
            }
            if (stored.isEmpty() && !records.claim(user, key, hash, now)) {
                response.setHeader("Retry-After", "1");
                problems.write(response, HttpStatus.CONFLICT, ErrorCode.ILLEGAL_STATE,
                        "A request with this Idempotency-Key is still being processed");
                return;
            }
        }
        process(request, response, chain, body, user, key);
    }

    private void process(HttpServletRequest request, HttpServletResponse response, FilterChain chain, byte[] body,
                         String user, String key) throws ServletException, IOException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        try {
            chain.doFilter(new CachedBodyRequest(request, body), captured);
        } catch (ServletException | IOException | RuntimeException e) {
            records.release(user, key);
            throw e;
        }
        if (captured.getStatus() >= 500) {
            records.release(user, key);
        } else {
            records.complete(user, key, captured.getStatus(), captured.getContentType(),
                    captured.getContentAsByteArray());
        }
        captured.copyBodyToResponse();
    }

    private static void replay(IdempotencyRecords.Stored stored, HttpServletResponse response) throws IOException {
        response.setStatus(stored.statusCode());
        response.setHeader("Idempotent-Replayed", "true");
        if (stored.contentType() != null) {
            response.setContentType(stored.contentType());
        }
        if (stored.body() != null) {
            response.getOutputStream().write(stored.body());
        }
    }

    private static String hashOf(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + " " + request.getRequestURI() + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
