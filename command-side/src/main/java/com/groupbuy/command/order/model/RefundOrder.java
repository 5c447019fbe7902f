package com.groupbuy.command.order.model;

import com.groupbuy.contract.ErrorCode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Pay a paid order back in full, e.g. because its group failed; refunding it again changes nothing. */
public record RefundOrder(@TargetAggregateIdentifier String orderId, ErrorCode reason) {
}
