-- The option groups a deal's members may choose in, as its GroupBuyCreated set them (JSON array of group codes;
-- NULL: none, the standard make).
ALTER TABLE group_buy ADD COLUMN allowed_options TEXT;
