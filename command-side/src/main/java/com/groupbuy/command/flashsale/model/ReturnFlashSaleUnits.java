package com.groupbuy.command.flashsale.model;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** An order ended unpaid: give its units back. Nothing happens when the order holds none. */
public record ReturnFlashSaleUnits(@TargetAggregateIdentifier String flashSaleId, String orderId) {
}
