package com.groupbuy.command.flashsale.model;

import com.groupbuy.events.groupbuy.HappyHours;

import java.time.Instant;
import java.util.Map;

/**
 * A flash sale as its events have it: the window (and its happy hours, or null), the price, the units left, and who
 * holds the others ({@code holdings} by order id; paid orders keep theirs). The edge gate is rebuilt from this.
 */
public record FlashSaleAllocation(String flashSaleId, String sku, long priceCents, int quantity, int perUserLimit,
                                  Instant startsAt, Instant endsAt, HappyHours happyHours, boolean ended,
                                  int remaining, Map<String, Holding> holdings) {

    /** Units one order holds, and whose order it is. */
    public record Holding(String userId, int quantity) {
    }
}
