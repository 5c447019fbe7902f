-- A deal paused or cancelled by an admin: ACTIVE, PAUSED or CANCELLED (cancelled_at set); listings offer ACTIVE ones.
ALTER TABLE group_buy ADD COLUMN status VARCHAR(16) NOT NULL DEFAULT 'ACTIVE';
ALTER TABLE group_buy ADD COLUMN cancelled_at TIMESTAMPTZ;
