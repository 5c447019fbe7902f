package com.groupbuy.platform.outage;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Whether a failure means that a server this process needs is away (PostgreSQL, Redis or Kafka unreachable,
 * restarting, overloaded) rather than anything wrong with the request or the record. The answer to such a failure
 * is to try again later: HTTP 503 with {@code Retry-After}, or a consumer's back-off until the server is back;
 * never a client error, a 500 or a dead letter.
 *
 * <p>Looks through the causes, the suppressed exceptions (Redisson reports a refused connection as a suppressed
 * one) and the failure that made a transaction roll back when the rollback itself failed (Spring's
 * {@code TransactionSystemException} keeps that one aside, and its own cause is then only the pool's "Connection is
 * closed", which has no SQLSTATE). Exceptions are recognised by class name, so that every process can ask without
 * having every client library on its classpath.
 */
public final class ServerOutage {

    private static final Set<String> OUTAGES = Set.of(
            "java.net.ConnectException",
            "java.sql.SQLTransientException",
            "java.sql.SQLRecoverableException",
            "org.springframework.transaction.CannotCreateTransactionException",
            "org.springframework.dao.DataAccessResourceFailureException",
            "org.springframework.dao.TransientDataAccessException",
            "org.redisson.client.RedisConnectionException",
            "org.redisson.client.RedisTimeoutException",
            "org.redisson.client.RedisRetryException",
            "org.redisson.client.RedisLoadingException",
            "org.redisson.client.RedisBusyException",
            "org.redisson.client.RedisTryAgainException",
            "org.redisson.client.RedisClusterDownException",
            "org.redisson.client.RedisMasterDownException",
            "org.redisson.client.RedisNodeNotFoundException",
            "org.apache.kafka.common.errors.RetriableException");

    /** SQLSTATEs of a server that is away besides class 08 (connection): shutting down, starting, too many clients. */
    private static final Set<String> OUTAGE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    /** Spring's exception for a commit or rollback that failed, which keeps the failure that caused the rollback. */
    private static final String TRANSACTION_SYSTEM_EXCEPTION =
            "org.springframework.transaction.TransactionSystemException";

    private ServerOutage() {
    }

    public static boolean causedBy(Throwable failure) {
        return causedBy(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static boolean causedBy(Throwable failure, Set<Throwable> seen) {
        if (failure == null || !seen.add(failure)) {
            return false;
        }
        if (isOutage(failure)) {
            return true;
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            if (causedBy(suppressed, seen)) {
                return true;
            }
        }
        return causedBy(rolledBackFor(failure), seen) || causedBy(failure.getCause(), seen);
    }

    /** For a rollback that failed, the failure the transaction was rolled back for; null otherwise. */
    private static Throwable rolledBackFor(Throwable failure) {
        for (Class<?> type = failure.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().equals(TRANSACTION_SYSTEM_EXCEPTION)) {
                try {
                    return (Throwable) type.getMethod("getApplicationException").invoke(failure);
                } catch (ReflectiveOperationException | ClassCastException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static boolean isOutage(Throwable failure) {
        if (failure instanceof SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08") || OUTAGE_STATES.contains(sql.getSQLState()))) {
            return true;
        }
        for (Class<?> type = failure.getClass(); type != null; type = type.getSuperclass()) {
            if (OUTAGES.contains(type.getName())) {
                return true;
            }
        }
        return false;
    }
}
