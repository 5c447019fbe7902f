package com.groupbuy.query.sales;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

record SalesReport(Instant from, Instant to, String bucket, String sku, List<SalesRow> rows) {

    static SalesReport of(SalesQuery query, List<SalesRow> rows) {
        return new SalesReport(query.from(), query.to(), query.bucket().name().toLowerCase(Locale.ROOT),
                query.sku(), rows);
    }
}
