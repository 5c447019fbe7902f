package com.groupbuy.query.sales;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;

import static com.groupbuy.query.web.Rows.instant;

/** The hourly sales read model in PostgreSQL (written by the sales projection; see docs/read-models.md). */
@Component
class SalesAnalytics {

    /**
     * Hour rows as they are, or summed into UTC days. The range scan uses the primary key (bucket_start, sku), or
     * sales_hourly_by_sku (sku, bucket_start) for one SKU.
     */
    private static final String FROM_HOURS = """
            SELECT date_trunc(:unit, bucket_start, 'UTC') AS bucket, sku, MAX(category) AS category,
                   SUM(orders) AS orders, SUM(units) AS units, SUM(revenue_cents) AS revenue,
                   SUM(discount_cents) AS discount, SUM(gross_cents) AS gross
              FROM sales_hourly
             WHERE bucket_start >= :from AND bucket_start < :to
               AND (CAST(:sku AS VARCHAR) IS NULL OR sku = :sku)
             GROUP BY bucket, sku
             ORDER BY bucket, sku""";
    /** Whole UTC days, from the day rows the projection keeps (one per day and SKU). */
    private static final String FROM_DAYS = """
            SELECT bucket_start AS bucket, sku, category, orders, units, revenue_cents AS revenue,
                   discount_cents AS discount, gross_cents AS gross
              FROM sales_daily
             WHERE bucket_start >= :from AND bucket_start < :to
               AND (CAST(:sku AS VARCHAR) IS NULL OR sku = :sku)
             ORDER BY bucket_start, sku""";

    private final JdbcClient jdbc;

    SalesAnalytics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One page of the report: {@code limit} rows from {@code offset}, in (bucket, sku) order. */
    List<SalesRow> report(SalesQuery query, int offset, int limit) {
        return statement(query, sqlOf(query) + "\n LIMIT :limit OFFSET :offset")
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, row) -> rowOf(rs))
                .list();
    }

    /** Every row of the report, in (bucket, sku) order, handed over one at a time. */
    void stream(SalesQuery query, Consumer<SalesRow> sink) {
        statement(query, sqlOf(query)).query(rs -> {
            sink.accept(rowOf(rs));
        });
    }

    /** By day over whole UTC days reads sales_daily; a range that starts or ends inside a day sums its hours. */
    private static String sqlOf(SalesQuery query) {
        boolean wholeDays = query.from().equals(query.from().truncatedTo(ChronoUnit.DAYS))
                && query.to().equals(query.to().truncatedTo(ChronoUnit.DAYS));
        return query.bucket() == Bucket.DAY && wholeDays ? FROM_DAYS : FROM_HOURS;
    }

    private JdbcClient.StatementSpec statement(SalesQuery query, String sql) {
        return jdbc.sql(sql)
                .param("unit", query.bucket().sqlUnit())
                .param("from", Timestamp.from(query.from()))
                .param("to", Timestamp.from(query.to()))
                .param("sku", query.sku());
    }

    private static SalesRow rowOf(ResultSet rs) throws SQLException {
        return new SalesRow(instant(rs, "bucket"), rs.getString("sku"), rs.getString("category"),
                rs.getLong("orders"), rs.getLong("units"), rs.getLong("revenue"), rs.getLong("discount"),
                rs.getLong("gross"));
    }
}
