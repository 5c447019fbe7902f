package com.groupbuy.command.groupbuy.model;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Stop the deal's groups from opening or taking members for now; pausing a paused deal changes nothing. */
public record PauseGroupBuy(@TargetAggregateIdentifier String groupBuyId) {
}
