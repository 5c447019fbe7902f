package com.groupbuy.command.groupbuy.model;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * A customer joins the group of deal {@code groupBuyId} with order {@code orderId}. Answers the {@link MemberOrder}
 * to place; joining again with the same order answers it again.
 */
public record JoinGroup(@TargetAggregateIdentifier String groupId, String groupBuyId, String userId,
                        String orderId) {
}
