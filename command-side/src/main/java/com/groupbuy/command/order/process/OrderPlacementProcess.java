package com.groupbuy.command.order.process;

import com.groupbuy.command.coupon.model.RedeemCoupon;
import com.groupbuy.command.coupon.model.RestoreCoupon;
import com.groupbuy.command.domain.BusinessRuleViolation;
import com.groupbuy.command.flashsale.model.FlashSaleReservation;
import com.groupbuy.command.flashsale.model.ReserveFlashSaleUnits;
import com.groupbuy.command.flashsale.model.ReturnFlashSaleUnits;
import com.groupbuy.command.groupbuy.model.AdmitMemberOrder;
import com.groupbuy.command.order.model.ConfirmOrder;
import com.groupbuy.command.order.model.OrderOutcome;
import com.groupbuy.command.order.model.OrderStatus;
import com.groupbuy.command.order.model.PlaceOrder;
import com.groupbuy.command.order.model.RejectOrder;
import com.groupbuy.command.order.queue.OrderRequest;
import com.groupbuy.command.product.model.ReleaseStock;
import com.groupbuy.command.product.model.ReserveStock;
import com.groupbuy.command.product.model.Reservation;
import com.groupbuy.contract.ErrorCode;
import com.groupbuy.events.order.OrderItem;
import com.groupbuy.events.order.PricedLine;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Takes one order request from PENDING to CONFIRMED or REJECTED: hold stock for every line (all or none), redeem
 * the coupon, price and confirm, or give back what was taken and reject with the reason. A flash-sale purchase holds
 * the sale's units instead of the product's; a group member's order is admitted by its group, then holds the
 * product's units at the group price.
 *
 * <p>Every step is idempotent per order (holding stock or redeeming a coupon again for the same order answers the
 * first result), so a request redelivered after a worker died mid-way is simply run again and ends in the same
 * place, with nothing held or redeemed twice.
 */
public class OrderPlacementProcess {

    private final CommandGateway commands;
    private final Clock clock;
    private final Duration paymentWindow;

    public OrderPlacementProcess(CommandGateway commands, Clock clock, Duration paymentWindow) {
        this.commands = commands;
        this.clock = clock;
        this.paymentWindow = paymentWindow;
    }

    public OrderOutcome place(OrderRequest request) {
        OrderOutcome placed = placeOrFind(request);
        if (placed.isSettled()) {
            return placed;
        }
        Instant now = clock.instant();
        try {
            if (request.isGroupBuy()) {
                commands.sendAndWait(new AdmitMemberOrder(request.promotion().groupId(), request.orderId()));
            }
            List<PricedLine> lines = reserveEveryLine(request);
            long discount = request.couponId() == null ? 0 : commands.<Long>sendAndWait(
                    new RedeemCoupon(request.couponId(), request.orderId(), request.userId(), lines, now));
            OrderOutcome outcome = commands.sendAndWait(
                    new ConfirmOrder(request.orderId(), lines, discount, now.plus(paymentWindow)));
            if (outcome.status() != OrderStatus.CONFIRMED) {
                giveBack(request);
            }
            return outcome;
        } catch (RuntimeException failure) {
            Rejection rejection = Rejection.of(CommandFailures.causeOf(failure));
            giveBack(request);
            return commands.sendAndWait(new RejectOrder(request.orderId(), rejection.code(), rejection.detail()));
        }
    }

    private OrderOutcome placeOrFind(OrderRequest request) {
        PlaceOrder place = new PlaceOrder(request.orderId(), request.userId(), request.items(), request.couponId(),
                request.promotion());
        try {
            return commands.sendAndWait(place);
        } catch (RuntimeException e) {
            if (CommandFailures.causeOf(e) instanceof AggregateStreamCreationException) {
                return commands.sendAndWait(place);
            }
            throw e;
        }
    }

    private List<PricedLine> reserveEveryLine(OrderRequest request) {
        if (request.isFlashSale()) {
            OrderItem item = request.items().getFirst();
            FlashSaleReservation held = commands.sendAndWait(new ReserveFlashSaleUnits(
                    request.promotion().promotionId(), request.orderId(), request.userId(), item.quantity(),
                    request.acceptedAt()));
            return List.of(new PricedLine(held.sku(), held.category(), held.quantity(), held.unitPriceCents()));
        }
        List<PricedLine> lines = new ArrayList<>();
        for (OrderItem item : request.items()) {
            Reservation held = commands.sendAndWait(
                    new ReserveStock(item.sku(), request.orderId(), item.quantity(), request.unitPriceCents()));
            lines.add(new PricedLine(item.sku(), held.category(), held.quantity(), held.unitPriceCents()));
        }
        return lines;
    }

    /** Compensation: release whatever this order holds and restore its coupon. Each step is a no-op if not needed. */
    void giveBack(OrderRequest request) {
        Instant now = clock.instant();
        if (request.isFlashSale()) {
            OrderSteps.ignoringUnknown(() -> commands.sendAndWait(
                    new ReturnFlashSaleUnits(request.promotion().promotionId(), request.orderId())));
        } else {
            for (OrderItem item : request.items()) {
                OrderSteps.ignoringUnknown(() -> commands.sendAndWait(new ReleaseStock(item.sku(), request.orderId())));
            }
        }
        if (request.couponId() != null) {
            OrderSteps.ignoringUnknown(() -> commands.sendAndWait(new RestoreCoupon(request.couponId(), request.orderId(), now)));
        }
    }

    /** Why an order was rejected, from what a step refused with; anything else is not a rejection. */
    record Rejection(ErrorCode code, String detail) {

        static Rejection of(Throwable cause) {
            if (cause instanceof BusinessRuleViolation violation) {
                return new Rejection(violation.code(), violation.getMessage());
            }
            if (cause instanceof AggregateNotFoundException notFound) {
                return new Rejection(ErrorCode.NOT_FOUND, "unknown product or coupon " + notFound.getAggregateIdentifier());
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(cause);
        }
    }
}
