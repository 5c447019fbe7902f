package com.groupbuy.events.product;

import com.groupbuy.events.AggregateType;
import com.groupbuy.events.DomainEvent;

/** Events of the product aggregate, identified by its SKU. */
public sealed interface ProductEvent extends DomainEvent permits ProductRegistered, StockAdjusted, StockReserved, StockReleased,
        StockCommitted, StockSetAside, StockReturned, ProductRepriced, ProductRenamed, ProductRecategorised,
        ProductMarkedSoldOut, ProductBackOnSale, ProductDelisted, ProductRelisted, ProductOptionsChanged {

    String sku();

    @Override
    default AggregateType aggregateType() {
        return AggregateType.PRODUCT;
    }

    @Override
    default String aggregateId() {
        return sku();
    }
}
