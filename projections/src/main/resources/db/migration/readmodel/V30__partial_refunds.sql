-- What the shop has paid back of an order: the sum of its partial refunds, or its whole total once REFUNDED
-- (NULL: nothing).
ALTER TABLE orders ADD COLUMN refunded_cents BIGINT;
-- The sales projection's memory of what an order's partial refunds came to (taken off the revenue of the hour it
-- was paid in; a full refund later takes off the rest).
ALTER TABLE sales_order ADD COLUMN refunded_cents BIGINT;
