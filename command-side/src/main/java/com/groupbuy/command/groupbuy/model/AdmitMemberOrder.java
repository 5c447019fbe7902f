package com.groupbuy.command.groupbuy.model;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Before a member's order is priced: refused with GROUP_CLOSED unless the group is open and the order a member's. */
public record AdmitMemberOrder(@TargetAggregateIdentifier String groupId, String orderId) {
}
