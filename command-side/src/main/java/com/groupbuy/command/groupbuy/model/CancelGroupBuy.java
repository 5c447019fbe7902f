package com.groupbuy.command.groupbuy.model;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** End the deal for good; its open groups are then failed. Cancelling again changes nothing. */
public record CancelGroupBuy(@TargetAggregateIdentifier String groupBuyId) {
}
