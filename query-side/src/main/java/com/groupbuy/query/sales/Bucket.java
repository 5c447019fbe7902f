package com.groupbuy.query.sales;

import java.time.Duration;
import java.util.Locale;

/** The width of a sales bucket (UTC), and the longest range a report in it may cover. */
enum Bucket {
    HOUR(Duration.ofDays(31)),
    DAY(Duration.ofDays(366));

    private final Duration longestRange;

    Bucket(Duration longestRange) {
        this.longestRange = longestRange;
    }

    Duration longestRange() {
        return longestRange;
    }

    /** The unit PostgreSQL's date_trunc takes. */
    String sqlUnit() {
        return name().toLowerCase(Locale.ROOT);
    }
}
