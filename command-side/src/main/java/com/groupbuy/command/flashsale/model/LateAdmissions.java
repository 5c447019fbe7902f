package com.groupbuy.command.flashsale.model;

import java.time.Duration;

/**
 * How long after its end a sale still holds units for purchases the gate admitted before the end: they wait in the
 * order queue, and a purchase admitted in time is not refused for being processed late. Only then does the sale
 * end and give its units left back to the product. A purchase processed later still is refused {@code ENDED}.
 */
public record LateAdmissions(Duration window) {

    public LateAdmissions {
        if (window.isNegative()) {
            throw new IllegalArgumentException("the late admissions window cannot be negative: " + window);
        }
    }
}
