package com.groupbuy.projections.flashsales;

import com.groupbuy.events.order.OrderCancelled;
import com.groupbuy.events.order.OrderConfirmed;
import com.groupbuy.events.order.OrderEvent;
import com.groupbuy.events.order.OrderExpired;
import com.groupbuy.events.order.OrderPaid;
import com.groupbuy.events.order.OrderPlaced;
import com.groupbuy.events.order.OrderRefunded;
import com.groupbuy.events.order.OrderRejected;
import com.groupbuy.events.order.PricedLine;
import com.groupbuy.events.order.Promotion;

import java.util.List;
import java.util.Optional;

/**
 * What one event of an order placed under a flash sale adds to the sale's counters: the counter of the status
 * the order reaches, and for payments and refunds the units sold and the revenue.
 */
record OrderTally(String flashSaleId, String status, String counter, int unitsSold, long revenueCents) {

    /** The tally of an order event, or empty when the order is not a flash-sale order. */
    static Optional<OrderTally> of(OrderEvent event) {
        Promotion promotion = promotionOf(event);
        if (promotion == null || !promotion.isFlashSale()) {
            return Optional.empty();
        }
        String sale = promotion.promotionId();
        return Optional.of(switch (event) {
            case OrderPlaced placed -> new OrderTally(sale, "PENDING", "placed", 0, 0);
            case OrderConfirmed confirmed -> new OrderTally(sale, "CONFIRMED", "confirmed", 0, 0);
            case OrderRejected rejected -> new OrderTally(sale, "REJECTED", "rejected", 0, 0);
            case OrderPaid paid -> new OrderTally(sale, "PAID", "paid", units(paid.lines()), paid.amountCents());
            case OrderCancelled cancelled -> new OrderTally(sale, "CANCELLED", "cancelled", 0, 0);
            case OrderExpired expired -> new OrderTally(sale, "EXPIRED", "expired", 0, 0);
            case OrderRefunded refunded -> new OrderTally(sale, "REFUNDED", "refunded", -units(refunded.lines()),
                    -refunded.amountCents());
            default -> throw new IllegalStateException("no promotion on " + event.getClass().getSimpleName());
        });
    }

    private static Promotion promotionOf(OrderEvent event) {
        return switch (event) {
            case OrderPlaced placed -> placed.promotion();
            case OrderConfirmed confirmed -> confirmed.promotion();
            case OrderRejected rejected -> rejected.promotion();
            case OrderPaid paid -> paid.promotion();
            case OrderCancelled cancelled -> cancelled.promotion();
            case OrderExpired expired -> expired.promotion();
            case OrderRefunded refunded -> refunded.promotion();
            default -> null; // fulfilment events: a sold unit stays sold, whatever the counter does with it
        };
    }

    private static int units(List<PricedLine> lines) {
        return lines == null ? 0 : lines.stream().mapToInt(PricedLine::quantity).sum();
    }
}
