-- Paid sales per hour (UTC) and SKU. sales_order remembers each order's discount from OrderConfirmed and guards
-- by the order's sequence, so OrderPaid adds to the hourly rows exactly once.
CREATE TABLE sales_order (
    order_id        VARCHAR(64) PRIMARY KEY,
    subtotal_cents  BIGINT,
    discount_cents  BIGINT,
    total_cents     BIGINT,
    paid_at         TIMESTAMPTZ,
    last_sequence   BIGINT      NOT NULL,
    last_event_at   TIMESTAMPTZ NOT NULL
);

CREATE TABLE sales_hourly (
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

CREATE INDEX sales_hourly_by_sku ON sales_hourly (sku, bucket_start);
