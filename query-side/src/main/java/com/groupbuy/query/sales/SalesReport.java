package com.groupbuy.query.sales;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** One page of a sales report; {@code hasMore} says whether page + 1 holds more rows. */
record SalesReport(Instant from, Instant to, String bucket, String sku, List<SalesRow> rows, int page, int size,
                   boolean hasMore) {

    static SalesReport of(SalesQuery query, List<SalesRow> rows, int page, int size, boolean hasMore) {
        return new SalesReport(query.from(), query.to(), query.bucket().name().toLowerCase(Locale.ROOT),
                query.sku(), rows, page, size, hasMore);
    }
}
