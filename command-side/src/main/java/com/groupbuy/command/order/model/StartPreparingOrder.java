package com.groupbuy.command.order.model;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Store staff start making a paid order (a group order once its group completed); repeating changes nothing. */
public record StartPreparingOrder(@TargetAggregateIdentifier String orderId, String staffId) {
}
