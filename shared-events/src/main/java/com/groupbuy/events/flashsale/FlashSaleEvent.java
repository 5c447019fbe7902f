package com.groupbuy.events.flashsale;

import com.groupbuy.events.AggregateType;
import com.groupbuy.events.DomainEvent;

/** Events of a flash sale: a few units of one product, sold at a price between two instants. */
public sealed interface FlashSaleEvent extends DomainEvent
        permits FlashSaleScheduled, FlashSaleUnitsReserved, FlashSaleUnitsReturned, FlashSaleEnded {

    String flashSaleId();

    @Override
    default AggregateType aggregateType() {
        return AggregateType.FLASH_SALE;
    }

    @Override
    default String aggregateId() {
        return flashSaleId();
    }
}
