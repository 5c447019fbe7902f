-- Fulfilment: since when a paid order may be prepared (its payment, or its group's completion for a group order),
-- and until when a ready order waits at the counter.
ALTER TABLE orders ADD COLUMN to_prepare_since timestamptz;
ALTER TABLE orders ADD COLUMN collect_by timestamptz;

-- The counter's queue: orders to prepare, being prepared or ready, oldest first.
CREATE INDEX orders_counter_queue ON orders (to_prepare_since)
    WHERE status IN ('PAID', 'PREPARING', 'READY') AND to_prepare_since IS NOT NULL;
