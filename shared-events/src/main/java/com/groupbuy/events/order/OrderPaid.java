package com.groupbuy.events.order;

import com.groupbuy.events.SchemaVersion;

import java.util.List;

@SchemaVersion(1)
public record OrderPaid(String orderId, String userId, long amountCents, String paymentRef, List<PricedLine> lines)
        implements OrderEvent {
}
