-- Flash-sale analytics. flash_sale_stats.last_sequence guards the sale's own events; the order counters move only
-- in the transaction that advances the order's flash_sale_order row, so each order event counts once.
-- A sale's row may appear first through an order event (topics are not ordered with each other): its terms stay
-- NULL and last_sequence -1 until FlashSaleScheduled arrives.
CREATE TABLE flash_sale_stats (
    flash_sale_id        VARCHAR(64) PRIMARY KEY,
    sku                  VARCHAR(64),
    price_cents          BIGINT,
    quantity             INTEGER,
    per_user_limit       INTEGER,
    starts_at            TIMESTAMPTZ,
    ends_at              TIMESTAMPTZ,
    ended_at             TIMESTAMPTZ,
    remaining            INTEGER,
    returned_to_product  INTEGER     NOT NULL DEFAULT 0,
    admitted             INTEGER     NOT NULL DEFAULT 0,
    units_reserved       INTEGER     NOT NULL DEFAULT 0,
    units_returned       INTEGER     NOT NULL DEFAULT 0,
    placed               INTEGER     NOT NULL DEFAULT 0,
    confirmed            INTEGER     NOT NULL DEFAULT 0,
    rejected             INTEGER     NOT NULL DEFAULT 0,
    paid                 INTEGER     NOT NULL DEFAULT 0,
    cancelled            INTEGER     NOT NULL DEFAULT 0,
    expired              INTEGER     NOT NULL DEFAULT 0,
    refunded             INTEGER     NOT NULL DEFAULT 0,
    units_sold           INTEGER     NOT NULL DEFAULT 0,
    revenue_cents        BIGINT      NOT NULL DEFAULT 0,
    updated_at           TIMESTAMPTZ NOT NULL,
    last_sequence        BIGINT      NOT NULL,
    last_event_at        TIMESTAMPTZ
);

-- The projection's memory of each order placed under a flash sale: guards the counters above.
CREATE TABLE flash_sale_order (
    order_id       VARCHAR(64) PRIMARY KEY,
    flash_sale_id  VARCHAR(64) NOT NULL,
    user_id        VARCHAR(64) NOT NULL,
    status         VARCHAR(16) NOT NULL,
    last_sequence  BIGINT      NOT NULL,
    last_event_at  TIMESTAMPTZ NOT NULL
);

CREATE INDEX flash_sale_order_by_sale ON flash_sale_order (flash_sale_id, status);
