package com.groupbuy.command.groupbuy.model;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A member's order was paid. Answers the group's status after counting it; counting it again changes nothing. */
public record RecordMemberPayment(@TargetAggregateIdentifier String groupId, String orderId) {
}
