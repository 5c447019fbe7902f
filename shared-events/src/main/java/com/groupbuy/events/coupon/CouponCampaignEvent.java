package com.groupbuy.events.coupon;

import com.groupbuy.events.AggregateType;
import com.groupbuy.events.DomainEvent;

public sealed interface CouponCampaignEvent extends DomainEvent permits CouponCampaignCreated, CouponClaimed,
        CouponCampaignStopped {

    String campaignId();

    @Override
    default AggregateType aggregateType() {
        return AggregateType.COUPON_CAMPAIGN;
    }

    @Override
    default String aggregateId() {
        return campaignId();
    }
}
