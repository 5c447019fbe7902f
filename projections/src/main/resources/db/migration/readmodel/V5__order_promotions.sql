-- The promotion an order was placed under: FLASH_SALE (promotion_id = the sale) or GROUP_BUY (promotion_id = the
-- deal, group_id = the group); NULL for regular orders.
ALTER TABLE orders
    ADD COLUMN promotion_kind TEXT,
    ADD COLUMN promotion_id   TEXT,
    ADD COLUMN group_id       TEXT;

CREATE INDEX orders_by_promotion ON orders (promotion_id, status) WHERE promotion_id IS NOT NULL;
