package com.groupbuy.command.order.model;

import com.groupbuy.command.domain.BusinessRuleViolation;
import com.groupbuy.contract.ErrorCode;
import com.groupbuy.contract.PickupCode;
import com.groupbuy.events.order.OrderCancelled;
import com.groupbuy.events.order.OrderConfirmed;
import com.groupbuy.events.order.OrderExpired;
import com.groupbuy.events.order.OrderGroupCompleted;
import com.groupbuy.events.order.OrderItem;
import com.groupbuy.events.order.OrderNotCollected;
import com.groupbuy.events.order.OrderPaid;
import com.groupbuy.events.order.OrderPartiallyRefunded;
import com.groupbuy.events.order.OrderPickedUp;
import com.groupbuy.events.order.OrderPlaced;
import com.groupbuy.events.order.OrderPreparationStarted;
import com.groupbuy.events.order.OrderReadyForPickup;
import com.groupbuy.events.order.OrderRefunded;
import com.groupbuy.events.order.OrderRejected;
import com.groupbuy.events.order.PricedLine;
import com.groupbuy.events.order.Promotion;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A customer's order: PENDING until the placement process confirms or rejects it, then CONFIRMED until paid,
 * cancelled by its owner, or expired when the payment window closes (a durable deadline). A paid order of a group
 * that failed is refunded. An order placed under a promotion carries it on every event.
 *
 * <p>Fulfilment, by store staff: a paid order (a group order once its group completed) is PREPARING, then READY on
 * the counter until its collect-by time (a durable deadline, after which it is NOT_COLLECTED), then PICKED_UP when
 * handed to the customer who shows its pickup code. An admin may refund a paid order in full at any of these steps.
 */
@Aggregate(repository = "orderRepository")
public class Order {

    static final String PAYMENT_WINDOW = "payment-window";
    static final String PICKUP_WINDOW = "pickup-window";

    @AggregateIdentifier
    private String orderId;
    private String userId;
    private List<OrderItem> items;
    private String couponId;
    private Promotion promotion;
    private OrderStatus status;
    private List<PricedLine> lines;
    private long totalCents;
    private String paymentRef;
    private long paidCents;
    private long refundedCents;
    private Instant paymentDueAt;
    private boolean groupCompleted;

    protected Order() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    OrderOutcome handle(PlaceOrder command) {
        if (status == null) {
            apply(new OrderPlaced(command.orderId(), command.userId(), List.copyOf(command.items()),
                    command.couponId(), command.promotion()));
        }
        return outcome();
    }

    @CommandHandler
    OrderOutcome handle(ConfirmOrder command, DeadlineManager deadlines) {
        if (status == OrderStatus.PENDING) {
            OrderTotals totals = OrderTotals.of(command.lines(), command.discountCents());
            apply(new OrderConfirmed(orderId, userId, List.copyOf(command.lines()), couponId,
                    totals.subtotalCents(), totals.discountCents(), totals.totalCents(), command.paymentDueAt(),
                    promotion));
            deadlines.schedule(command.paymentDueAt(), PAYMENT_WINDOW);
        }
        return outcome();
    }

    @CommandHandler
    OrderOutcome handle(RejectOrder command) {
        if (status == OrderStatus.PENDING) {
            apply(new OrderRejected(orderId, userId, command.reason().name(), command.detail(), items, couponId,
                    promotion));
        }
        return outcome();
    }

    @CommandHandler
    void handle(PayOrder command, Clock clock) {
        requireOwner(command.userId());
        if (status == OrderStatus.PAID && command.paymentRef().equals(paymentRef)) {
            return;
        }
        requireStatus(OrderStatus.CONFIRMED, "paid");
        if (!clock.instant().isBefore(paymentDueAt)) {
            throw new BusinessRuleViolation(ErrorCode.ILLEGAL_STATE,
                    "the payment window closed at " + paymentDueAt + "; the order is expiring");
        }
        if (command.amountCents() != totalCents) {
            throw new BusinessRuleViolation(ErrorCode.PAYMENT_MISMATCH,
                    "the order's total is " + totalCents + ", " + command.amountCents() + " was paid");
        }
        apply(new OrderPaid(orderId, userId, command.amountCents(), command.paymentRef(), lines, promotion));
    }

    @CommandHandler
    void handle(CancelOrder command) {
        requireOwner(command.userId());
        requireStatus(OrderStatus.CONFIRMED, "cancelled");
        apply(new OrderCancelled(orderId, userId, lines, couponId, promotion));
    }

    @CommandHandler
    void handle(RefundOrder command) {
        if (status == OrderStatus.REFUNDED) {
            return;
        }
        requireStatus(OrderStatus.PAID, "refunded");
        refund(command.reason());
    }

    @CommandHandler
    void handle(RefundPaidOrder command) {
        if (status == OrderStatus.REFUNDED) {
            return;
        }
        boolean prepared = switch (status) {
            case PAID -> false;
            case PREPARING, READY, PICKED_UP, NOT_COLLECTED -> true;
            default -> throw new BusinessRuleViolation(ErrorCode.ILLEGAL_STATE,
                    "a " + status + " order has no payment to refund");
        };
        if (!prepared && isGroupOrder() && !groupCompleted) {
            throw new BusinessRuleViolation(ErrorCode.ILLEGAL_STATE,
                    "the order's group is still open: it counts this payment; refund once the group has ended");
        }
        long left = paidCents - refundedCents;
        Long amount = command.amountCents();
        if (amount != null && (amount <= 0 || amount > left)) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, "amountCents must be between 1 and the "
                    + left + " cents left of the payment (" + paidCents + " paid, " + refundedCents + " refunded)");
        }
        if (amount == null || amount == left) {
            apply(new OrderRefunded(orderId, userId, left, OrderRefunded.REFUNDED_BY_SHOP, lines, couponId,
                    promotion, command.note(), prepared));
        } else {
            apply(new OrderPartiallyRefunded(orderId, userId, amount, refundedCents + amount, command.note(),
                    status.name(), lines));
        }
    }

    @CommandHandler
    OrderOutcome handle(SettleOrderOfFailedGroup command) {
        switch (status) {
            case PAID -> refund(ErrorCode.GROUP_FAILED);
            case CONFIRMED -> apply(new OrderCancelled(orderId, userId, lines, couponId, promotion));
            case PENDING -> apply(new OrderRejected(orderId, userId, ErrorCode.GROUP_FAILED.name(),
                    "the group failed before the order was confirmed", items, couponId, promotion));
            default -> {
            }
        }
        return outcome();
    }

    @CommandHandler
    void handle(RecordGroupCompletion command) {
        if (status == OrderStatus.PAID && isGroupOrder() && !groupCompleted) {
            apply(new OrderGroupCompleted(orderId, userId, command.groupId()));
        }
    }

    @CommandHandler
    void handle(StartPreparingOrder command) {
        if (status == OrderStatus.PREPARING) {
            return;
        }
        requireStatus(OrderStatus.PAID, "prepared");
        if (isGroupOrder() && !groupCompleted) {
            throw new BusinessRuleViolation(ErrorCode.ILLEGAL_STATE,
                    "the order's group has not completed yet; it could still fail and be refunded");
        }
        apply(new OrderPreparationStarted(orderId, userId, command.staffId()));
    }

    @CommandHandler
    void handle(MarkOrderReady command, DeadlineManager deadlines) {
        if (status == OrderStatus.READY) {
            return;
        }
        requireStatus(OrderStatus.PREPARING, "marked ready");
        apply(new OrderReadyForPickup(orderId, userId, command.staffId(), command.collectBy()));
        deadlines.schedule(command.collectBy(), PICKUP_WINDOW);
    }

    @CommandHandler
    void handle(HandOverOrder command) {
        if (status == OrderStatus.PICKED_UP) {
            return;
        }
        if (status != OrderStatus.READY && status != OrderStatus.NOT_COLLECTED) {
            throw new BusinessRuleViolation(ErrorCode.ILLEGAL_STATE, "a " + status + " order cannot be handed over");
        }
        if (!PickupCode.matches(orderId, command.pickupCode())) {
            throw new BusinessRuleViolation(ErrorCode.PICKUP_CODE_MISMATCH, "that is not this order's pickup code");
        }
        apply(new OrderPickedUp(orderId, userId, command.staffId()));
    }

    @DeadlineHandler(deadlineName = PICKUP_WINDOW)
    void onPickupWindowClosed() {
        if (status == OrderStatus.READY) {
            apply(new OrderNotCollected(orderId, userId));
        }
    }

    @DeadlineHandler(deadlineName = PAYMENT_WINDOW)
    void onPaymentWindowClosed() {
        if (status == OrderStatus.CONFIRMED) {
            apply(new OrderExpired(orderId, userId, lines, couponId, promotion));
        }
    }

    private void refund(ErrorCode reason) {
        apply(new OrderRefunded(orderId, userId, paidCents - refundedCents, reason.name(), lines, couponId,
                promotion));
    }

    private boolean isGroupOrder() {
        return promotion != null && promotion.isGroupBuy();
    }

    private void requireOwner(String caller) {
        if (!userId.equals(caller)) {
            throw new BusinessRuleViolation(ErrorCode.FORBIDDEN, "this is not your order");
        }
    }

    private void requireStatus(OrderStatus required, String action) {
        if (status != required) {
            throw new BusinessRuleViolation(ErrorCode.ILLEGAL_STATE,
                    "a " + status + " order cannot be " + action);
        }
    }

    private OrderOutcome outcome() {
        return new OrderOutcome(orderId, status);
    }

    @EventSourcingHandler
    void on(OrderPlaced event) {
        orderId = event.orderId();
        userId = event.userId();
        items = event.items();
        couponId = event.couponId();
        promotion = event.promotion();
        status = OrderStatus.PENDING;
    }

    @EventSourcingHandler
    void on(OrderConfirmed event) {
        lines = event.lines();
        totalCents = event.totalCents();
        paymentDueAt = event.paymentDueAt();
        status = OrderStatus.CONFIRMED;
    }

    @EventSourcingHandler
    void on(OrderRejected event) {
        status = OrderStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(OrderPaid event) {
        paymentRef = event.paymentRef();
        paidCents = event.amountCents();
        status = OrderStatus.PAID;
    }

    @EventSourcingHandler
    void on(OrderRefunded event) {
        status = OrderStatus.REFUNDED;
    }

    @EventSourcingHandler
    void on(OrderPartiallyRefunded event) {
        refundedCents = event.refundedInAllCents();
    }

    @EventSourcingHandler
    void on(OrderCancelled event) {
        status = OrderStatus.CANCELLED;
    }

    @EventSourcingHandler
    void on(OrderExpired event) {
        status = OrderStatus.EXPIRED;
    }

    @EventSourcingHandler
    void on(OrderGroupCompleted event) {
        groupCompleted = true;
    }

    @EventSourcingHandler
    void on(OrderPreparationStarted event) {
        status = OrderStatus.PREPARING;
    }

    @EventSourcingHandler
    void on(OrderReadyForPickup event) {
        status = OrderStatus.READY;
    }

    @EventSourcingHandler
    void on(OrderPickedUp event) {
        status = OrderStatus.PICKED_UP;
    }

    @EventSourcingHandler
    void on(OrderNotCollected event) {
        status = OrderStatus.NOT_COLLECTED;
    }
}
