-- The first answer to every POST that carried an Idempotency-Key, per user and key, so a repeat (also after a
-- restart) gets that answer again instead of acting twice.
CREATE TABLE idempotency_record (
    user_id       VARCHAR(64)  NOT NULL,
    idem_key      VARCHAR(64)  NOT NULL,
    request_hash  CHAR(64)     NOT NULL,
    started_at    TIMESTAMPTZ  NOT NULL,
    status_code   INTEGER,
    content_type  VARCHAR(128),
    response_body BYTEA,
    PRIMARY KEY (user_id, idem_key)
);
