package com.groupbuy.events.order;

import com.groupbuy.events.SchemaVersion;

import java.util.List;

/** Cancelled by its owner before payment; its held stock and coupon are to be released. */
@SchemaVersion(1)
public record OrderCancelled(String orderId, String userId, List<PricedLine> lines, String couponId)
        implements OrderEvent {
}
