package com.groupbuy.events.flashsale;

import com.groupbuy.events.SchemaVersion;

/**
 * An order that held units ended unpaid (cancelled or expired) and gave them back: to the sale while it runs
 * ({@code remaining} grows), to the product once it has ended ({@code returnedToProduct}, everything the sale has
 * handed back to the product so far, grows).
 */
@SchemaVersion(1)
public record FlashSaleUnitsReturned(String flashSaleId, String sku, String orderId, String userId, int quantity,
                                     int remaining, int returnedToProduct) implements FlashSaleEvent {
}
