-- A deal's recurring happy hours, as its GroupBuyCreated set them (JSON {days, from, to, timeZone}; NULL: none).
ALTER TABLE group_buy ADD COLUMN happy_hours TEXT;
