package com.groupbuy.events.order;

import com.groupbuy.events.SchemaVersion;

import java.util.List;

/** Not paid within the payment window; its held stock and coupon are to be released. */
@SchemaVersion(1)
public record OrderExpired(String orderId, String userId, List<PricedLine> lines, String couponId)
        implements OrderEvent {
}
