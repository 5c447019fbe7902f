-- Coupons by owner, and per-campaign analytics. coupon.last_sequence guards the coupon's events; the campaign's
-- redeemed/restored/discount counters move only in the transaction that advances a coupon row, so each coupon
-- event counts once. coupon_campaign.last_sequence guards the campaign's own events (creation, claims).
CREATE TABLE coupon (
    coupon_id           VARCHAR(64) PRIMARY KEY,
    campaign_id         VARCHAR(64) NOT NULL,
    user_id             VARCHAR(64) NOT NULL,
    status              VARCHAR(16) NOT NULL,
    order_id            VARCHAR(64),
    discount_cents      BIGINT,
    type                VARCHAR(16),
    amount_off_cents    BIGINT,
    percent_off         INTEGER,
    max_discount_cents  BIGINT,
    min_spend_cents     BIGINT,
    valid_from          TIMESTAMPTZ,
    valid_until         TIMESTAMPTZ,
    issued_at           TIMESTAMPTZ NOT NULL,
    updated_at          TIMESTAMPTZ NOT NULL,
    last_sequence       BIGINT      NOT NULL,
    last_event_at       TIMESTAMPTZ NOT NULL
);

CREATE INDEX coupon_by_user ON coupon (user_id, status, issued_at DESC, coupon_id);
CREATE INDEX coupon_by_campaign ON coupon (campaign_id, status);

-- A campaign row may appear first through a coupon event (topics are not ordered with each other): its terms
-- stay NULL until CouponCampaignCreated arrives.
CREATE TABLE coupon_campaign (
    campaign_id           VARCHAR(64) PRIMARY KEY,
    type                  VARCHAR(16),
    amount_off_cents      BIGINT,
    percent_off           INTEGER,
    max_discount_cents    BIGINT,
    min_spend_cents       BIGINT,
    valid_from            TIMESTAMPTZ,
    valid_until           TIMESTAMPTZ,
    total_quantity        INTEGER,
    per_user_limit        INTEGER,
    claimed               INTEGER     NOT NULL DEFAULT 0,
    redeemed              INTEGER     NOT NULL DEFAULT 0,
    restored              INTEGER     NOT NULL DEFAULT 0,
    discount_given_cents  BIGINT      NOT NULL DEFAULT 0,
    created_at            TIMESTAMPTZ,
    updated_at            TIMESTAMPTZ NOT NULL,
    last_sequence         BIGINT      NOT NULL,
    last_event_at         TIMESTAMPTZ
);
