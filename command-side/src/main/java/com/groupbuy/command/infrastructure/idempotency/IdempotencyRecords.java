package com.groupbuy.command.infrastructure.idempotency;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** The stored first answers, in PostgreSQL (table {@code idempotency_record}). */
class IdempotencyRecords {

    record Stored(String requestHash, Instant startedAt, Integer statusCode, String contentType, byte[] body) {

        boolean isComplete() {
            return statusCode != null;
        }
    }

    private final JdbcClient jdbc;

    IdempotencyRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the key for this request; false when someone (maybe this same request earlier) already has it. */
    boolean claim(String userId, String key, String requestHash, Instant now) {
        return jdbc.sql("""
                        INSERT INTO idempotency_record (user_id, idem_key, request_hash, started_at)
                        VALUES (?, ?, ?, ?) ON CONFLICT (user_id, idem_key) DO NOTHING""")
                .params(userId, key, requestHash, Timestamp.from(now))
                .update() == 1;
    }

    /** Takes over a claim whose request never finished (its process died), if nobody else took it meanwhile. */
    boolean takeOver(String userId, String key, Instant startedAt, Instant now) {
        return jdbc.sql("""
                        UPDATE idempotency_record SET started_at = ?
                         WHERE user_id = ? AND idem_key = ? AND started_at = ? AND status_code IS NULL""")
                .params(Timestamp.from(now), userId, key, Timestamp.from(startedAt))
                .update() == 1;
    }

    Optional<Stored> find(String userId, String key) {
        return jdbc.sql("""
                        SELECT request_hash, started_at, status_code, content_type, response_body
                          FROM idempotency_record WHERE user_id = ? AND idem_key = ?""")
                .params(userId, key)
                .query((rs, row) -> new Stored(rs.getString(1), rs.getTimestamp(2).toInstant(),
                        (Integer) rs.getObject(3), rs.getString(4), rs.getBytes(5)))
                .optional();
    }

    void complete(String userId, String key, int status, String contentType, byte[] body) {
        jdbc.sql("""
                        UPDATE idempotency_record SET status_code = ?, content_type = ?, response_body = ?
                         WHERE user_id = ? AND idem_key = ?""")
                .params(status, contentType, body, userId, key)
                .update();
    }

    void release(String userId, String key) {
        jdbc.sql("DELETE FROM idempotency_record WHERE user_id = ? AND idem_key = ? AND status_code IS NULL")
                .params(userId, key)
                .update();
    }
}
