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
import com.groupbuy.command.product.model.OptionMenu;
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
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Takes one order request from PENDING to CONFIRMED or REJECTED: hold stock for every line (all or none), price
 * each line's options and hold the units of the toppings they use, redeem the coupon, price and confirm, or give
 * back what was taken and reject with the reason. A flash-sale purchase holds the sale's units instead of the
 * product's; a group member's order is admitted by its group, then holds the product's units at the group price,
 * with the options the deal allows priced on top. A flash sale sells the drink's standard make: no options.
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
        Set<String> toppings = new LinkedHashSet<>();
        try {
            if (request.isGroupBuy()) {
                commands.sendAndWait(new AdmitMemberOrder(request.promotion().groupId(), request.orderId()));
            }
            List<PricedLine> lines = reserveEveryLine(request, toppings);
            long discount = request.couponId() == null ? 0 : commands.<Long>sendAndWait(
                    new RedeemCoupon(request.couponId(), request.orderId(), request.userId(), lines, now));
            OrderOutcome outcome = commands.sendAndWait(
                    new ConfirmOrder(request.orderId(), lines, discount, now.plus(paymentWindow)));
            if (outcome.status() != OrderStatus.CONFIRMED) {
                giveBack(request, toppings);
            }
            return outcome;
        } catch (RuntimeException failure) {
            Rejection rejection = Rejection.of(CommandFailures.causeOf(failure));
            giveBack(request, toppings);
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

    private List<PricedLine> reserveEveryLine(OrderRequest request, Set<String> toppingsHeld) {
        if (request.isFlashSale()) {
            OrderItem item = request.items().getFirst();
            FlashSaleReservation held = commands.sendAndWait(new ReserveFlashSaleUnits(
                    request.promotion().promotionId(), request.orderId(), request.userId(), item.quantity(),
                    request.acceptedAt()));
            return List.of(new PricedLine(held.sku(), held.category(), held.quantity(), held.unitPriceCents()));
        }
        Map<String, Integer> unitsBySku = new LinkedHashMap<>();
        request.items().forEach(item -> unitsBySku.merge(item.sku(), item.quantity(), Integer::sum));
        Map<String, Reservation> held = new LinkedHashMap<>();
        unitsBySku.forEach((sku, units) -> held.put(sku, commands.sendAndWait(
                new ReserveStock(sku, request.orderId(), units, request.unitPriceCents()))));
        List<PricedLine> lines = new ArrayList<>();
        Map<String, Integer> toppingUnits = new LinkedHashMap<>();
        for (OrderItem item : request.items()) {
            Reservation product = held.get(item.sku());
            OptionMenu.Choices choices = priced(request, item, product.options());
            lines.add(new PricedLine(item.sku(), product.category(), item.quantity(),
                    product.unitPriceCents() + choices.deltaCents(), choices.options()));
            choices.unitsPerDrink().forEach((topping, units) ->
                    toppingUnits.merge(topping, units * item.quantity(), Integer::sum));
        }
        holdToppings(request.orderId(), toppingUnits, unitsBySku.keySet(), toppingsHeld);
        return lines;
    }

    private static OptionMenu.Choices priced(OrderRequest request, OrderItem item, OptionMenu options) {
        try {
            return request.isGroupBuy() ? options.priceAllowing(request.allowedOptions(), item.options())
                    : options.price(item.options());
        } catch (BusinessRuleViolation wrongChoice) {
            throw new BusinessRuleViolation(wrongChoice.code(), item.sku() + ": " + wrongChoice.getMessage());
        }
    }

    /**
     * Holds the units of other products the lines' options use (pearls run out): each is named in
     * {@code toppingsHeld} before it is asked for, so that giving back releases it whatever happens next.
     */
    private void holdToppings(String orderId, Map<String, Integer> toppingUnits, Set<String> orderedSkus,
                              Set<String> toppingsHeld) {
        for (Map.Entry<String, Integer> topping : toppingUnits.entrySet()) {
            if (orderedSkus.contains(topping.getKey())) {
                throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, topping.getKey()
                        + " is ordered on its own and as an option in one order: order them apart");
            }
            toppingsHeld.add(topping.getKey());
            try {
                commands.sendAndWait(new ReserveStock(topping.getKey(), orderId, topping.getValue(), 0L));
            } catch (RuntimeException e) {
                if (CommandFailures.causeOf(e) instanceof BusinessRuleViolation refused) {
                    throw new BusinessRuleViolation(refused.code(), "option " + topping.getKey() + ": "
                            + refused.getMessage());
                }
                throw e;
            }
        }
    }

    /**
     * Compensation: release whatever this order holds (its products and the toppings asked for) and restore its
     * coupon. Each step is a no-op if not needed.
     */
    void giveBack(OrderRequest request, Set<String> toppings) {
        Instant now = clock.instant();
        if (request.isFlashSale()) {
            OrderSteps.ignoringUnknown(() -> commands.sendAndWait(
                    new ReturnFlashSaleUnits(request.promotion().promotionId(), request.orderId())));
        } else {
            Set<String> skus = new LinkedHashSet<>(request.items().stream().map(OrderItem::sku).toList());
            skus.addAll(toppings);
            for (String sku : skus) {
                OrderSteps.ignoringUnknown(() -> commands.sendAndWait(new ReleaseStock(sku, request.orderId())));
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
