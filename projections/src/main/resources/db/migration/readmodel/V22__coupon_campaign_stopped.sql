-- When an admin stopped the campaign (CouponCampaignStopped); null while it runs.
ALTER TABLE coupon_campaign ADD COLUMN stopped_at TIMESTAMPTZ;
