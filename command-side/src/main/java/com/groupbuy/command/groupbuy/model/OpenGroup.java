package com.groupbuy.command.groupbuy.model;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** A customer opens a group under a deal's terms and joins it with order {@code orderId}. */
public record OpenGroup(@TargetAggregateIdentifier String groupId, GroupTerms terms, String userId,
                        String orderId) {
}
