package com.groupbuy.command.flashsale.gate;

/** The gate's answer to one purchase: the decision, and the sale's product when admitted. */
public record Admission(Decision decision, String sku) {

    public enum Decision {
        ADMITTED,
        SOLD_OUT,
        LIMIT_REACHED,
        NOT_STARTED,
        ENDED,
        /** The gate holds nothing for this sale (Redis lost it, or it was never opened here): rebuild it. */
        UNKNOWN,
        /** The gate is being rebuilt or reconciled from the sale's events; ask again shortly. */
        SYNCING,
        /** There is no such sale. */
        NO_SUCH_SALE
    }

    public boolean admitted() {
        return decision == Decision.ADMITTED;
    }
}
