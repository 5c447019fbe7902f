package com.groupbuy.command.flashsale.model;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * An admin ends a sale before its window closes: it sells nothing more and gives its units left back to the
 * product. Ending a sale that has ended already changes nothing.
 */
public record EndFlashSaleEarly(@TargetAggregateIdentifier String flashSaleId) {
}
