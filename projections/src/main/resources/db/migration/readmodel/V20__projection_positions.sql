-- How far each projection has read each partition of its event topics: written in the same transaction as the
-- rows of the poll it applied (for the Redis projections, right after the poll's scripts), so the read model
-- reflects at least every record below next_offset. The query side answers from it how fresh a read is, and a
-- rebuild catches its shadow copy up to exactly these offsets before switching over.
CREATE TABLE projection_position (
    projection     VARCHAR(64)  NOT NULL,
    topic          VARCHAR(200) NOT NULL,
    partition_no   INTEGER      NOT NULL,
    next_offset    BIGINT       NOT NULL,
    last_event_at  TIMESTAMPTZ,
    applied_at     TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (projection, topic, partition_no)
);

-- Lines record the order event that wrote them, like every other projected row.
ALTER TABLE order_line ADD COLUMN last_sequence BIGINT;

-- A rebuild builds fresh tables and swaps them in; foreign keys would tie the rebuilt tables to the retired ones.
-- The orders projection writes an order's lines and timeline in the transaction that writes the order, so the
-- keys guarded nothing the projection does not already guarantee.
ALTER TABLE order_line DROP CONSTRAINT IF EXISTS order_line_order_id_fkey;
ALTER TABLE order_timeline DROP CONSTRAINT IF EXISTS order_timeline_order_id_fkey;
