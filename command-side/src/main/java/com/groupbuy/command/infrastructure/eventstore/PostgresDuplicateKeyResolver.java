package com.groupbuy.command.infrastructure.eventstore;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.SQLException;

/**
 * Recognises PostgreSQL's unique violation (SQLSTATE 23505) however the driver wraps it, including inside a batch's
 * chain of next exceptions. Axon's {@code JdbcSQLErrorCodesResolver} only knows
 * {@code SQLIntegrityConstraintViolationException}, which the PostgreSQL driver never throws, so without this a
 * concurrent append surfaced as a generic store failure instead of Axon's {@code ConcurrencyException}.
 */
class PostgresDuplicateKeyResolver implements PersistenceExceptionResolver {

    private static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && isUniqueViolation(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUniqueViolation(SQLException exception) {
        for (SQLException next = exception; next != null; next = next.getNextException()) {
            if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
