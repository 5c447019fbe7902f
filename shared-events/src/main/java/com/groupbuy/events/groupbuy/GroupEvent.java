package com.groupbuy.events.groupbuy;

import com.groupbuy.events.AggregateType;
import com.groupbuy.events.DomainEvent;

/** Events of one group of a group-buy deal: its members, their payments, and how it ended. */
public sealed interface GroupEvent extends DomainEvent
        permits GroupOpened, GroupMemberJoined, GroupMemberPaid, GroupMemberLeft, GroupCompleted, GroupFailed {

    String groupId();

    String groupBuyId();

    @Override
    default AggregateType aggregateType() {
        return AggregateType.GROUP;
    }

    @Override
    default String aggregateId() {
        return groupId();
    }
}
