package com.groupbuy.events.groupbuy;

import com.groupbuy.events.AggregateType;
import com.groupbuy.events.DomainEvent;

/** Events of a group-buy deal: the terms under which customers open and join groups. */
public sealed interface GroupBuyEvent extends DomainEvent permits GroupBuyCreated, GroupBuyPaused, GroupBuyResumed,
        GroupBuyCancelled {

    String groupBuyId();

    @Override
    default AggregateType aggregateType() {
        return AggregateType.GROUP_BUY;
    }

    @Override
    default String aggregateId() {
        return groupBuyId();
    }
}
