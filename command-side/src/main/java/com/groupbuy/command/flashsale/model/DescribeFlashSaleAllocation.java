package com.groupbuy.command.flashsale.model;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Ask the sale itself, the authority, how its units are allocated; changes nothing. */
public record DescribeFlashSaleAllocation(@TargetAggregateIdentifier String flashSaleId) {
}
