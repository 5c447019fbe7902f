package com.groupbuy.command.groupbuy.model;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Fail an open group before its window closes (its deal was cancelled); a group that has ended stays as it is. */
public record FailGroup(@TargetAggregateIdentifier String groupId) {
}
