-- A campaign whose coupons are each valid for so many days after their claim (NULL: until the campaign's end).
ALTER TABLE coupon_campaign ADD COLUMN valid_days_after_claim INTEGER;
