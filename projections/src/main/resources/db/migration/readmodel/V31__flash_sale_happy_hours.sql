-- A flash sale's recurring happy hours, as its FlashSaleScheduled set them (JSON {days, from, to, timeZone}; NULL:
-- none).
ALTER TABLE flash_sale_stats ADD COLUMN happy_hours TEXT;
