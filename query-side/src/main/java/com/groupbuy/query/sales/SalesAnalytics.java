package com.groupbuy.query.sales;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.List;

import static com.groupbuy.query.web.Rows.instant;

/** The hourly sales read model in PostgreSQL (written by the sales projection; see docs/read-models.md). */
@Component
class SalesAnalytics {

    private final JdbcClient jdbc;

    SalesAnalytics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Hour rows as they are, or summed into UTC days. */
    List<SalesRow> report(SalesQuery query) {
        return jdbc.sql("""
                        SELECT date_trunc(:unit, bucket_start, 'UTC') AS bucket, sku, MAX(category) AS category,
                               SUM(orders) AS orders, SUM(units) AS units, SUM(revenue_cents) AS revenue,
                               SUM(discount_cents) AS discount, SUM(gross_cents) AS gross
                          FROM sales_hourly
                         WHERE bucket_start >= :from AND bucket_start < :to
                           AND (CAST(:sku AS VARCHAR) IS NULL OR sku = :sku)
                         GROUP BY bucket, sku
                         ORDER BY bucket, sku""")
                .param("unit", query.bucket().sqlUnit())
                .param("from", Timestamp.from(query.from()))
                .param("to", Timestamp.from(query.to()))
                .param("sku", query.sku())
                .query((rs, row) -> new SalesRow(instant(rs, "bucket"), rs.getString("sku"),
                        rs.getString("category"), rs.getLong("orders"), rs.getLong("units"), rs.getLong("revenue"),
                        rs.getLong("discount"), rs.getLong("gross")))
                .list();
    }
}
