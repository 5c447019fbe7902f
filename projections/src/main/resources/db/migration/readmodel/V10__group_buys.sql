-- Group-buy deals and their groups, for analysts. group_buy_group.last_sequence guards each group's events (a
-- redelivered event changes nothing); group_buy.last_sequence guards the deal's own. A group row may appear before
-- its deal's row (topics are not ordered with each other).
CREATE TABLE group_buy (
    group_buy_id       VARCHAR(64) PRIMARY KEY,
    sku                VARCHAR(64) NOT NULL,
    category           VARCHAR(64),
    group_price_cents  BIGINT      NOT NULL,
    group_size         INTEGER     NOT NULL,
    window_seconds     BIGINT      NOT NULL,
    starts_at          TIMESTAMPTZ NOT NULL,
    ends_at            TIMESTAMPTZ NOT NULL,
    last_sequence      BIGINT      NOT NULL,
    last_event_at      TIMESTAMPTZ NOT NULL
);

CREATE TABLE group_buy_group (
    group_id           VARCHAR(64) PRIMARY KEY,
    group_buy_id       VARCHAR(64) NOT NULL,
    group_size         INTEGER     NOT NULL,
    status             VARCHAR(16) NOT NULL,
    members            INTEGER     NOT NULL DEFAULT 0,
    joins              INTEGER     NOT NULL DEFAULT 0,
    paid_members       INTEGER     NOT NULL DEFAULT 0,
    opened_by          VARCHAR(64) NOT NULL,
    opened_at          TIMESTAMPTZ NOT NULL,
    expires_at         TIMESTAMPTZ NOT NULL,
    ended_at           TIMESTAMPTZ,
    last_sequence      BIGINT      NOT NULL,
    last_event_at      TIMESTAMPTZ NOT NULL
);

CREATE INDEX group_buy_group_by_deal ON group_buy_group (group_buy_id, status);
