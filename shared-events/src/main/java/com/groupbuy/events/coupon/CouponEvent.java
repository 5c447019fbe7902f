package com.groupbuy.events.coupon;

import com.groupbuy.events.AggregateType;
import com.groupbuy.events.DomainEvent;

public sealed interface CouponEvent extends DomainEvent permits CouponIssued, CouponRedeemed, CouponRestored {

    String couponId();

    @Override
    default AggregateType aggregateType() {
        return AggregateType.COUPON;
    }

    @Override
    default String aggregateId() {
        return couponId();
    }
}
