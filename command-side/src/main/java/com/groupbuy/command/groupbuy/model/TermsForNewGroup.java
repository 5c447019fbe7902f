package com.groupbuy.command.groupbuy.model;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Ask a deal for the terms of a group opened at {@code at}; refused before the deal starts and after it ends. */
public record TermsForNewGroup(@TargetAggregateIdentifier String groupBuyId, Instant at) {
}
