-- The product catalog as analysts and the query side see it. last_sequence is the sequence of the last event of
-- the product applied here: the projection skips anything at or below it, so redelivered events change nothing.
CREATE TABLE catalog_product (
    sku            VARCHAR(64)  PRIMARY KEY,
    name           VARCHAR(200) NOT NULL,
    category       VARCHAR(64)  NOT NULL,
    price_cents    BIGINT       NOT NULL,
    stock_on_hand  INTEGER      NOT NULL,
    registered_at  TIMESTAMPTZ  NOT NULL,
    last_sequence  BIGINT       NOT NULL,
    last_event_at  TIMESTAMPTZ  NOT NULL
);

CREATE INDEX catalog_product_category ON catalog_product (category, sku);
