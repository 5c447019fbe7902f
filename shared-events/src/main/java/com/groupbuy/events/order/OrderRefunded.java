package com.groupbuy.events.order;

import com.groupbuy.events.SchemaVersion;

import java.util.List;

/**
 * A paid order was paid back in full (e.g. its group failed); {@code reason} is an error code such as
 * {@code GROUP_FAILED}. Its sold units are to return to stock and its coupon to be restored.
 */
@SchemaVersion(1)
public record OrderRefunded(String orderId, String userId, long amountCents, String reason, List<PricedLine> lines,
                            String couponId, Promotion promotion) implements OrderEvent {
}
