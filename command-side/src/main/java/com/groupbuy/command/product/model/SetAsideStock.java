package com.groupbuy.command.product.model;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Take {@code quantity} units out of the stock on hand for a promotion that sells them itself ({@code holderId},
 * e.g. a flash sale). Answers the {@link Allotment}; asking again for the same holder answers it again.
 */
public record SetAsideStock(@TargetAggregateIdentifier String sku, String holderId, int quantity) {
}
