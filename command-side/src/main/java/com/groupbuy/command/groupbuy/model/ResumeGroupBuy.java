package com.groupbuy.command.groupbuy.model;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Let a paused deal's groups open and take members again; resuming a running deal changes nothing. */
public record ResumeGroupBuy(@TargetAggregateIdentifier String groupBuyId) {
}
