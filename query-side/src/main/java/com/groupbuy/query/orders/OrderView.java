package com.groupbuy.query.orders;

import com.fasterxml.jackson.annotation.JsonRawValue;
import com.groupbuy.events.order.ChosenOption;
import io.swagger.v3.oas.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/**
 * One order with its lines and the events applied to it. Prices and totals are null until the order is
 * confirmed; {@code reason} is the error code of a rejection; {@code promotion} is null for a regular order.
 * {@code pickupCode} (from payment on) is what the customer shows at the counter; {@code collectBy} is set once the
 * order is ready. {@code refundedCents} is what the shop paid back: its partial refunds, or the whole total once
 * {@code REFUNDED} (null: nothing).
 */
record OrderView(String orderId, String userId, String status, List<Line> lines, Long subtotalCents,
                 Long discountCents, Long totalCents, String couponId, String reason, String reasonDetail,
                 Instant placedAt, Instant paymentDueAt, Instant paidAt, Instant updatedAt, long lastSequence,
                 OrderPromotion promotion, String pickupCode, Instant collectBy, Long refundedCents,
                 List<TimelineEntry> timeline) {

    /**
     * A line; {@code options} is the JSON array of its options: {@code [{"group","code"}]} as asked, then with
     * {@code name}, {@code priceDeltaCents} and {@code stockSku} once priced ({@code unitPriceCents} includes them).
     */
    record Line(String sku, String category, int quantity, Long unitPriceCents, Long lineTotalCents,
                @JsonRawValue @Schema(type = "array", implementation = ChosenOption.class) String options) {

        Line(String sku, String category, int quantity, Long unitPriceCents, String options) {
            this(sku, category, quantity, unitPriceCents, unitPriceCents == null ? null : unitPriceCents * quantity,
                    options == null ? "[]" : options);
        }
    }

    record TimelineEntry(long sequence, String eventType, String status, Instant occurredAt) {
    }

    OrderView with(List<Line> lines, List<TimelineEntry> timeline) {
        return new OrderView(orderId, userId, status, lines, subtotalCents, discountCents, totalCents, couponId,
                reason, reasonDetail, placedAt, paymentDueAt, paidAt, updatedAt, lastSequence, promotion, pickupCode,
                collectBy, refundedCents, timeline);
    }
}
