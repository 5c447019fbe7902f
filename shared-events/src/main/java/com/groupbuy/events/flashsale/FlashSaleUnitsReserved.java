package com.groupbuy.events.flashsale;

import com.groupbuy.events.SchemaVersion;

/** An order holds {@code quantity} of the sale's units; {@code remaining} are left to sell. */
@SchemaVersion(1)
public record FlashSaleUnitsReserved(String flashSaleId, String orderId, String userId, int quantity, int remaining)
        implements FlashSaleEvent {
}
