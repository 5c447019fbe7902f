package com.groupbuy.events.flashsale;

import com.groupbuy.events.SchemaVersion;

import java.time.Instant;

/** {@code quantity} units of {@code sku} were set aside from its stock, to sell at {@code priceCents}. */
@SchemaVersion(1)
public record FlashSaleScheduled(String flashSaleId, String sku, String category, long priceCents, int quantity,
                                 int perUserLimit, Instant startsAt, Instant endsAt) implements FlashSaleEvent {
}
