-- Orders as their owners and analysts see them. Every row carries the sequence of the last event of its order
-- applied here (last_sequence): the orders projection applies an event only when its sequence is greater, in one
-- transaction with the lines and the timeline, so a redelivered event changes nothing.
CREATE TABLE orders (
    order_id        VARCHAR(64)  PRIMARY KEY,
    user_id         VARCHAR(64)  NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    subtotal_cents  BIGINT,
    discount_cents  BIGINT,
    total_cents     BIGINT,
    coupon_id       VARCHAR(64),
    reason          VARCHAR(64),
    reason_detail   VARCHAR(500),
    payment_ref     VARCHAR(128),
    placed_at       TIMESTAMPTZ  NOT NULL,
    payment_due_at  TIMESTAMPTZ,
    paid_at         TIMESTAMPTZ,
    updated_at      TIMESTAMPTZ  NOT NULL,
    last_sequence   BIGINT       NOT NULL,
    last_event_at   TIMESTAMPTZ  NOT NULL
);

CREATE INDEX orders_by_user ON orders (user_id, placed_at DESC, order_id DESC);
CREATE INDEX orders_by_user_and_status ON orders (user_id, status, placed_at DESC, order_id DESC);
CREATE INDEX orders_by_status ON orders (status, placed_at);

-- The lines as last known: as asked (OrderPlaced: no category, no price) until priced (OrderConfirmed).
CREATE TABLE order_line (
    order_id          VARCHAR(64) NOT NULL REFERENCES orders (order_id),
    line_no           INTEGER     NOT NULL,
    sku               VARCHAR(64) NOT NULL,
    category          VARCHAR(64),
    quantity          INTEGER     NOT NULL,
    unit_price_cents  BIGINT,
    PRIMARY KEY (order_id, line_no)
);

CREATE INDEX order_line_by_sku ON order_line (sku);

-- One row per event applied to an order, in sequence order.
CREATE TABLE order_timeline (
    order_id     VARCHAR(64) NOT NULL REFERENCES orders (order_id),
    sequence     BIGINT      NOT NULL,
    event_type   VARCHAR(64) NOT NULL,
    status       VARCHAR(16) NOT NULL,
    occurred_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (order_id, sequence)
);
