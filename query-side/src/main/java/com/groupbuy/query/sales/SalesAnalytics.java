package com.groupbuy.query.sales;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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
    private static final String REPORT = """
            SELECT date_trunc(:unit, bucket_start, 'UTC') AS bucket, sku, MAX(category) AS category,
                   SUM(orders) AS orders, SUM(units) AS units, SUM(revenue_cents) AS revenue,
                   SUM(discount_cents) AS discount, SUM(gross_cents) AS gross
              FROM sales_hourly
             WHERE bucket_start >= :from AND bucket_start < :to
               AND (CAST(:sku AS VARCHAR) IS NULL OR sku = :sku)
             GROUP BY bucket, sku
             ORDER BY bucket, sku""";

    private final JdbcClient jdbc;

    SalesAnalytics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One page of the report: {@code limit} rows from {@code offset}, in (bucket, sku) order. */
    List<SalesRow> report(SalesQuery query, int offset, int limit) {
        return statement(query, REPORT + "\n LIMIT :limit OFFSET :offset")
                .param("limit", limit)
                .param("offset", offset)
                .query((rs, row) -> rowOf(rs))
                .list();
    }

    /** Every row of the report, in (bucket, sku) order, handed over one at a time. */
    void stream(SalesQuery query, Consumer<SalesRow> sink) {
        statement(query, REPORT).query(rs -> {
            sink.accept(rowOf(rs));
        });
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
