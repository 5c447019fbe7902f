-- A drink's options as its last ProductOptionsChanged set them (a JSON array of option groups; '[]' or NULL: none).
ALTER TABLE catalog_product ADD COLUMN option_groups TEXT;
-- The options a line was ordered with (a JSON array of {group, code}) and then priced with (also name and
-- priceDeltaCents, and stockSku for a topping); '[]' for a line without options.
ALTER TABLE order_line ADD COLUMN options TEXT NOT NULL DEFAULT '[]';
