package com.groupbuy.command.order.process;

import com.groupbuy.command.coupon.model.RestoreCoupon;
import com.groupbuy.command.flashsale.model.ReturnFlashSaleUnits;
import com.groupbuy.command.product.model.CommitStock;
import com.groupbuy.command.product.model.ReleaseStock;
import com.groupbuy.command.product.model.ReturnStock;
import com.groupbuy.events.order.OrderCancelled;
import com.groupbuy.events.order.OrderExpired;
import com.groupbuy.events.order.OrderItem;
import com.groupbuy.events.order.OrderPaid;
import com.groupbuy.events.order.OrderRefunded;
import com.groupbuy.events.order.OrderRejected;
import com.groupbuy.events.order.PricedLine;
import com.groupbuy.events.order.Promotion;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

import java.time.Clock;
import java.util.List;

/**
 * What follows an order's end, driven by its events: a paid order's held stock is sold; a cancelled, expired or
 * rejected order's held stock (or flash-sale units) is released and its coupon restored (a rejected order's toppings
 * were released by the placement before it rejected); a refunded order's sold
 * units return to stock and its coupon is restored, unless the counter had made it. Runs in a streaming processor
 * over the event store in the workers; every command here is idempotent, so a replayed event changes nothing.
 */
@ProcessingGroup(OrderCompensation.PROCESSING_GROUP)
public class OrderCompensation {

    public static final String PROCESSING_GROUP = "order-compensation";

    private final CommandGateway commands;
    private final Clock clock;

    public OrderCompensation(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    @EventHandler
    void on(OrderPaid event) {
        if (isFlashSale(event.promotion())) {
            return;
        }
        for (String sku : StockUse.of(event.lines()).keySet()) {
            commands.sendAndWait(new CommitStock(sku, event.orderId()));
        }
    }

    @EventHandler
    void on(OrderCancelled event) {
        giveBack(event.orderId(), skusOf(event.lines()), event.couponId(), event.promotion());
    }

    @EventHandler
    void on(OrderExpired event) {
        giveBack(event.orderId(), skusOf(event.lines()), event.couponId(), event.promotion());
    }

    @EventHandler
    void on(OrderRejected event) {
        giveBack(event.orderId(), event.items().stream().map(OrderItem::sku).toList(), event.couponId(),
                event.promotion());
    }

    @EventHandler
    void on(OrderRefunded event) {
        if (event.givesBackMoneyOnly()) {
            return; // the counter made the order: its units are used and its coupon spent
        }
        StockUse.of(event.lines()).forEach((sku, units) -> OrderSteps.ignoringUnknown(() -> commands.sendAndWait(
                new ReturnStock(sku, "refund:" + event.orderId(), units))));
        restoreCoupon(event.orderId(), event.couponId());
    }

    private void giveBack(String orderId, List<String> skus, String couponId, Promotion promotion) {
        if (isFlashSale(promotion)) {
            OrderSteps.ignoringUnknown(() -> commands.sendAndWait(
                    new ReturnFlashSaleUnits(promotion.promotionId(), orderId)));
        } else {
            for (String sku : skus) {
                OrderSteps.ignoringUnknown(() -> commands.sendAndWait(new ReleaseStock(sku, orderId)));
            }
        }
        restoreCoupon(orderId, couponId);
    }

    private void restoreCoupon(String orderId, String couponId) {
        if (couponId != null) {
            OrderSteps.ignoringUnknown(() -> commands.sendAndWait(new RestoreCoupon(couponId, orderId, clock.instant())));
        }
    }

    private static boolean isFlashSale(Promotion promotion) {
        return promotion != null && promotion.isFlashSale();
    }

    private static List<String> skusOf(List<PricedLine> lines) {
        return List.copyOf(StockUse.of(lines).keySet());
    }
}
