package com.groupbuy.command.order.process;

import org.axonframework.modelling.command.AggregateNotFoundException;

/** Steps of the order processes that other processes take too. */
public final class OrderSteps {

    private OrderSteps() {
    }

    /** Runs a compensating step; an aggregate that does not exist has nothing to give back. */
    public static void ignoringUnknown(Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            if (!(CommandFailures.causeOf(e) instanceof AggregateNotFoundException)) {
                throw e;
            }
        }
    }
}
