package com.groupbuy.command.flashsale.gate;

/**
 * The gate's answer to one purchase: the decision, the sale's product when admitted, and how long to wait when the
 * buyer is over the rate limit.
 */
public record Admission(Decision decision, String sku, long retryAfterMillis) {

    /** The script's answer: the decision's name, then the sku ({@code ADMITTED}) or the wait ({@code RATE_LIMITED}). */
    static Admission of(String decision, String detail) {
        Decision decided = Decision.valueOf(decision);
        return switch (decided) {
            case ADMITTED -> new Admission(decided, detail, 0);
            case RATE_LIMITED -> new Admission(decided, null, Long.parseLong(detail));
            default -> new Admission(decided, null, 0);
        };
    }

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
        NO_SUCH_SALE,
        /** The buyer sent more purchases to this sale than the rate limit allows; nothing was decided. */
        RATE_LIMITED
    }

    public boolean admitted() {
        return decision == Decision.ADMITTED;
    }
}
