package com.groupbuy.projections.consumer;

import com.groupbuy.platform.outage.ServerOutage;

/**
 * Whether a projection failed because a store it writes to is away (PostgreSQL or Redis unreachable, restarting,
 * overloaded, or a Redis read model being rebuilt) rather than because of the record. Such a record is tried again
 * until the store is back, never dead-lettered: the record is fine, and dead-lettering it would silently leave a
 * hole in the read model.
 */
final class StoreOutage {

    private StoreOutage() {
    }

    static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ReadModelUnavailableException) {
                return true;
            }
        }
        return ServerOutage.causedBy(failure);
    }
}
