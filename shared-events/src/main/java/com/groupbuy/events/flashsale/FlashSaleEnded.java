package com.groupbuy.events.flashsale;

import com.groupbuy.events.SchemaVersion;

/** The sale's window closed; its {@code leftover} units go back to the product ({@code returnedToProduct} so far). */
@SchemaVersion(1)
public record FlashSaleEnded(String flashSaleId, String sku, int leftover, int returnedToProduct)
        implements FlashSaleEvent {
}
