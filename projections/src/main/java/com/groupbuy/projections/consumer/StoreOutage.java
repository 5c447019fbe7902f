package com.groupbuy.projections.consumer;

import org.redisson.client.RedisBusyException;
import org.redisson.client.RedisClusterDownException;
import org.redisson.client.RedisConnectionException;
import org.redisson.client.RedisLoadingException;
import org.redisson.client.RedisMasterDownException;
import org.redisson.client.RedisNodeNotFoundException;
import org.redisson.client.RedisRetryException;
import org.redisson.client.RedisTimeoutException;
import org.redisson.client.RedisTryAgainException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.List;
import java.util.Set;

/**
 * Whether a projection failed because a store it writes to is away (PostgreSQL or Redis unreachable, restarting,
 * overloaded, or a Redis read model being rebuilt) rather than because of the record. Such a record is tried again
 * until the store is back, never dead-lettered: the record is fine, and dead-lettering it would silently leave a
 * hole in the read model.
 */
final class StoreOutage {

    private static final List<Class<? extends Throwable>> OUTAGES = List.of(
            ReadModelUnavailableException.class,
            CannotCreateTransactionException.class, DataAccessResourceFailureException.class,
            TransientDataAccessException.class, SQLTransientException.class, SQLRecoverableException.class,
            ConnectException.class,
            RedisConnectionException.class, RedisTimeoutException.class, RedisRetryException.class,
            RedisLoadingException.class, RedisBusyException.class, RedisTryAgainException.class,
            RedisClusterDownException.class, RedisMasterDownException.class, RedisNodeNotFoundException.class);

    /** SQLSTATE classes and codes of a server that is away: connection exceptions, shutting down, too many clients. */
    private static final Set<String> OUTAGE_STATES = Set.of("57P01", "57P02", "57P03", "53300");

    private StoreOutage() {
    }

    static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            Throwable candidate = cause;
            if (OUTAGES.stream().anyMatch(outage -> outage.isInstance(candidate)) || isOutageState(candidate)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isOutageState(Throwable cause) {
        return cause instanceof SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08") || OUTAGE_STATES.contains(sql.getSQLState()));
    }
}
