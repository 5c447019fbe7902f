package com.groupbuy.command.order.model;

import com.groupbuy.contract.ErrorCode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RejectOrder(@TargetAggregateIdentifier String orderId, ErrorCode reason, String detail) {
}
