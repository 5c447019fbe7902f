package com.groupbuy.command.groupbuy.model;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A member's order ended unpaid ({@code reason}): while the group is open, the place is freed. */
public record RemoveMember(@TargetAggregateIdentifier String groupId, String orderId, String reason) {
}
