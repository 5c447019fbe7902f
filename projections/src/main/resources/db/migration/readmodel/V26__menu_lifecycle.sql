-- A product's place on the menu: delisted products are not listed; sold_out_until is the end of the shop's day a
-- product was marked sold out for (NULL when it is on sale). Name, category and price follow their changes.
ALTER TABLE catalog_product ADD COLUMN delisted BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE catalog_product ADD COLUMN sold_out_until TIMESTAMPTZ;
