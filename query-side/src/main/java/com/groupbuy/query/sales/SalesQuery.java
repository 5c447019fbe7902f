package com.groupbuy.query.sales;

import com.groupbuy.query.web.QueryParameters;

import java.time.Duration;
import java.time.Instant;

/**
 * A validated sales report request: the hour buckets whose start lies in [{@code from}, {@code to}), grouped by
 * {@code bucket}, optionally for one SKU. Bounded so that one answer stays a few thousand rows per SKU.
 */
record SalesQuery(Instant from, Instant to, Bucket bucket, String sku) {

    /** @throws com.groupbuy.platform.web.ApiException 400 VALIDATION_FAILED when a parameter is missing or wrong */
    static SalesQuery of(String from, String to, String bucket, String sku) {
        Instant start = QueryParameters.instant("from", from);
        Instant end = QueryParameters.instant("to", to);
        Bucket width = QueryParameters.oneOf("bucket", bucket, Bucket.class).orElse(Bucket.HOUR);
        if (!end.isAfter(start)) {
            throw QueryParameters.invalid("to must be after from");
        }
        if (Duration.between(start, end).compareTo(width.longestRange()) > 0) {
            throw QueryParameters.invalid("a report by " + width.sqlUnit() + " covers at most "
                    + width.longestRange().toDays() + " days");
        }
        return new SalesQuery(start, end, width, sku == null || sku.isBlank() ? null : sku.trim());
    }
}
