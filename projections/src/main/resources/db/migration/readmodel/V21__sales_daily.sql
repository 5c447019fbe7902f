-- Paid sales per UTC day and SKU: the sums of the day's sales_hourly rows, kept by the sales projection in the
-- same transaction as those rows, so that reports by day read one row per day and SKU instead of 24.
CREATE TABLE sales_daily (
    bucket_start    TIMESTAMPTZ NOT NULL,
    sku             VARCHAR(64) NOT NULL,
    category        VARCHAR(64),
    orders          INTEGER     NOT NULL,
    units           BIGINT      NOT NULL,
    gross_cents     BIGINT      NOT NULL,
    discount_cents  BIGINT      NOT NULL,
    revenue_cents   BIGINT      NOT NULL,
    last_event_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (bucket_start, sku)
);

CREATE INDEX sales_daily_by_sku ON sales_daily (sku, bucket_start);

INSERT INTO sales_daily (bucket_start, sku, category, orders, units, gross_cents, discount_cents, revenue_cents,
                         last_event_at)
SELECT date_trunc('day', bucket_start, 'UTC'), sku, MAX(category), SUM(orders), SUM(units), SUM(gross_cents),
       SUM(discount_cents), SUM(revenue_cents), MAX(last_event_at)
  FROM sales_hourly
 GROUP BY 1, 2;
