package com.groupbuy.query.reports;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The analysts' reports over the orders read model, each one SQL statement with the parameters {@code :from},
 * {@code :to} (the payments counted: {@code from <= paid_at < to}) and {@code :zone} (the time zone days and hours
 * are read in). A sale is an order paid and not refunded: {@code PAID} or any later step at the counter; its revenue
 * is what was paid less what the shop paid back in part. Money is in cents; a line's share of its order's discount
 * (and partial refunds) is in proportion to the line's total, rounded down per line.
 */
enum AnalystReport {

    SALES_BY_CATEGORY("sales-by-category", List.of("category", "orders", "units", "gross_cents",
            "discount_cents", "revenue_cents"), """
            WITH sold AS (%s),
                 shares AS (
                   SELECT l.category, l.order_id, l.quantity, l.quantity * l.unit_price_cents AS gross,
                          CASE WHEN s.subtotal_cents > 0
                               THEN s.discount_cents * l.quantity * l.unit_price_cents / s.subtotal_cents
                               ELSE 0 END AS discount,
                          CASE WHEN s.subtotal_cents > 0
                               THEN s.refunded * l.quantity * l.unit_price_cents / s.subtotal_cents
                               ELSE 0 END AS refunded
                     FROM sold s JOIN order_line l ON l.order_id = s.order_id)
            SELECT category, COUNT(DISTINCT order_id) AS orders, SUM(quantity) AS units, SUM(gross) AS gross_cents,
                   SUM(discount) AS discount_cents, SUM(gross) - SUM(discount) - SUM(refunded) AS revenue_cents
              FROM shares
             GROUP BY category
             ORDER BY revenue_cents DESC, category"""),

    SALES_BY_PROMOTION("sales-by-promotion", List.of("promotion_kind", "promotion_id", "orders", "gross_cents",
            "discount_cents", "revenue_cents"), """
            WITH sold AS (%s)
            SELECT CASE WHEN s.promotion_kind IS NOT NULL THEN s.promotion_kind
                        WHEN s.coupon_id IS NOT NULL THEN 'COUPON' ELSE 'NONE' END AS promotion_kind,
                   CASE WHEN s.promotion_kind IS NOT NULL THEN s.promotion_id ELSE c.campaign_id END AS promotion_id,
                   COUNT(*) AS orders, SUM(s.subtotal_cents) AS gross_cents, SUM(s.discount_cents) AS discount_cents,
                   SUM(s.total_cents) AS revenue_cents
              FROM sold s LEFT JOIN coupon c ON c.coupon_id = s.coupon_id
             GROUP BY 1, 2
             ORDER BY revenue_cents DESC, 1, 2"""),

    SALES_BY_HOUR_AND_WEEKDAY("sales-by-hour-and-weekday", List.of("weekday", "hour", "orders",
            "revenue_cents"), """
            WITH sold AS (%s),
                 cells AS (SELECT d AS weekday, h AS hour FROM generate_series(1, 7) d, generate_series(0, 23) h),
                 placed AS (
                   SELECT EXTRACT(ISODOW FROM paid_at AT TIME ZONE :zone)::int AS weekday,
                          EXTRACT(HOUR FROM paid_at AT TIME ZONE :zone)::int AS hour, total_cents
                     FROM sold)
            SELECT c.weekday, c.hour, COUNT(p.total_cents) AS orders, COALESCE(SUM(p.total_cents), 0) AS revenue_cents
              FROM cells c LEFT JOIN placed p ON p.weekday = c.weekday AND p.hour = c.hour
             GROUP BY c.weekday, c.hour
             ORDER BY c.weekday, c.hour"""),

    COUPON_CAMPAIGNS("coupon-campaigns", List.of("campaign_id", "claimed", "orders", "gross_cents", "cost_cents",
            "revenue_cents"), """
            WITH sold AS (%s)
            SELECT c.campaign_id, MAX(cc.claimed) AS claimed, COUNT(*) AS orders, SUM(s.subtotal_cents) AS gross_cents,
                   SUM(s.discount_cents) AS cost_cents, SUM(s.total_cents) AS revenue_cents
              FROM sold s
              JOIN coupon c ON c.coupon_id = s.coupon_id
              LEFT JOIN coupon_campaign cc ON cc.campaign_id = c.campaign_id
             GROUP BY c.campaign_id
             ORDER BY revenue_cents DESC, c.campaign_id"""),

    CUSTOMERS("customers", List.of("day", "customers", "new_customers", "returning_customers", "orders",
            "revenue_cents"), """
            WITH sold AS (%s),
                 firsts AS (
                   SELECT user_id, MIN(paid_at) AS first_paid_at FROM orders
                    WHERE paid_at IS NOT NULL AND status IN (%s) GROUP BY user_id),
                 days AS (
                   SELECT s.user_id, s.total_cents, (s.paid_at AT TIME ZONE :zone)::date AS day,
                          (f.first_paid_at AT TIME ZONE :zone)::date AS first_day
                     FROM sold s JOIN firsts f ON f.user_id = s.user_id)
            SELECT day::text AS day, COUNT(DISTINCT user_id) AS customers,
                   COUNT(DISTINCT user_id) FILTER (WHERE first_day = day) AS new_customers,
                   COUNT(DISTINCT user_id) FILTER (WHERE first_day < day) AS returning_customers,
                   COUNT(*) AS orders, SUM(total_cents) AS revenue_cents
              FROM days
             GROUP BY day
             ORDER BY day""");

    /** The statuses of an order that is a sale: paid, and not refunded. */
    static final String SOLD_STATUSES = "'PAID', 'PREPARING', 'READY', 'PICKED_UP', 'NOT_COLLECTED'";

    private static final String SOLD_IN_RANGE = """
            SELECT order_id, user_id, coupon_id, promotion_kind, promotion_id, subtotal_cents, discount_cents,
                   total_cents - COALESCE(refunded_cents, 0) AS total_cents, COALESCE(refunded_cents, 0) AS refunded,
                   paid_at
              FROM orders
             WHERE paid_at >= :from AND paid_at < :to AND status IN (""" + SOLD_STATUSES + ")";

    private final String path;
    private final List<String> columns;
    private final String sql;

    AnalystReport(String path, List<String> columns, String sql) {
        this.path = path;
        this.columns = columns;
        this.sql = sql;
    }

    String path() {
        return path;
    }

    List<String> columns() {
        return columns;
    }

    String sql() {
        return sql.formatted(SOLD_IN_RANGE, SOLD_STATUSES);
    }

    static Optional<AnalystReport> named(String path) {
        return Arrays.stream(values()).filter(report -> report.path.equals(path)).findFirst();
    }
}
