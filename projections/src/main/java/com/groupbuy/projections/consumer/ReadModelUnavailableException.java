package com.groupbuy.projections.consumer;

/**
 * Thrown by a projection whose store cannot take writes yet (e.g. its Redis read model is missing and being
 * rebuilt). The live consumer then waits and tries the same record again, for as long as it takes, instead of
 * dead-lettering it or moving past it.
 */
public final class ReadModelUnavailableException extends RuntimeException {

    public ReadModelUnavailableException(String message) {
        super(message);
    }
}
