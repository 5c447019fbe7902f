package com.groupbuy.command.order.model;

import com.groupbuy.command.domain.BusinessRuleViolation;
import com.groupbuy.command.domain.SettableClock;
import com.groupbuy.contract.ErrorCode;
import com.groupbuy.events.order.OrderCancelled;
import com.groupbuy.events.order.OrderConfirmed;
import com.groupbuy.events.order.OrderExpired;
import com.groupbuy.events.order.OrderItem;
import com.groupbuy.events.order.OrderPaid;
import com.groupbuy.events.order.OrderRefunded;
import com.groupbuy.events.order.OrderPlaced;
import com.groupbuy.events.order.OrderRejected;
import com.groupbuy.events.order.PricedLine;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.groupbuy.command.domain.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.groupbuy.command.domain.RuleViolations.violationOf;
import static org.assertj.core.api.Assertions.assertThat;

class OrderLifecycleTest {

    private static final String ORDER = "o-1";
    private static final String OWNER = "u1";
    private static final List<OrderItem> ITEMS = List.of(new OrderItem("TEA", 2), new OrderItem("BOBA", 1));
    private static final List<PricedLine> LINES =
            List.of(new PricedLine("TEA", "tea", 2, 450), new PricedLine("BOBA", "milk-tea", 1, 590));

    private AggregateTestFixture<Order> fixture;
    private Instant dueAt;
    private SettableClock clock;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Order.class);
        clock = new SettableClock(fixture.currentTime());
        dueAt = fixture.currentTime().plus(Duration.ofMinutes(15));
        fixture.registerInjectableResource(clock);
    }

    private static OrderPlaced placed(String couponId) {
        return new OrderPlaced(ORDER, OWNER, ITEMS, couponId);
    }

    private OrderConfirmed confirmed(String couponId, long discount) {
        return new OrderConfirmed(ORDER, OWNER, LINES, couponId, 1490, discount, 1490 - discount, dueAt);
    }

    @Test
    void a_placed_order_is_pending() {
        fixture.givenNoPriorActivity()
                .when(new PlaceOrder(ORDER, OWNER, ITEMS, null, null))
                .expectEvents(placed(null))
                .expectResultMessagePayload(new OrderOutcome(ORDER, OrderStatus.PENDING));
    }

    @Test
    void placing_the_same_order_again_changes_nothing_and_tells_where_it_stands() {
        fixture.given(placed(null), confirmed(null, 0))
                .when(new PlaceOrder(ORDER, OWNER, ITEMS, null, null))
                .expectNoEvents()
                .expectResultMessagePayload(new OrderOutcome(ORDER, OrderStatus.CONFIRMED));
    }

    @Test
    void confirming_prices_the_order_and_opens_the_payment_window() {
        fixture.given(placed("c-1"))
                .when(new ConfirmOrder(ORDER, LINES, 200, dueAt))
                .expectEvents(confirmed("c-1", 200))
                .expectScheduledDeadlineWithName(Duration.ofMinutes(15), Order.PAYMENT_WINDOW);
    }

    @Test
    void a_discount_never_takes_the_total_below_zero() {
        fixture.given(placed("c-1"))
                .when(new ConfirmOrder(ORDER, LINES, 5_000, dueAt))
                .expectEvents(new OrderConfirmed(ORDER, OWNER, LINES, "c-1", 1490, 1490, 0, dueAt));
    }

    @Test
    void a_pending_order_can_be_rejected_with_a_reason() {
        fixture.given(placed(null))
                .when(new RejectOrder(ORDER, ErrorCode.SOLD_OUT, "only 1 TEA left"))
                .expectEvents(new OrderRejected(ORDER, OWNER, "SOLD_OUT", "only 1 TEA left", ITEMS, null));
    }

    @Test
    void a_settled_order_is_neither_confirmed_nor_rejected_again() {
        fixture.given(placed(null), new OrderRejected(ORDER, OWNER, "SOLD_OUT", "gone", ITEMS, null))
                .when(new ConfirmOrder(ORDER, LINES, 0, dueAt))
                .expectNoEvents()
                .expectResultMessagePayload(new OrderOutcome(ORDER, OrderStatus.REJECTED));
        fixture.given(placed(null), confirmed(null, 0))
                .when(new RejectOrder(ORDER, ErrorCode.SOLD_OUT, "late"))
                .expectNoEvents();
    }

    @Test
    void paying_the_exact_total_pays_the_order() {
        fixture.given(placed("c-1"), confirmed("c-1", 200))
                .when(new PayOrder(ORDER, OWNER, 1290, "pay-1"))
                .expectEvents(new OrderPaid(ORDER, OWNER, 1290, "pay-1", LINES));
    }

    @Test
    void paying_another_amount_is_a_payment_mismatch() {
        fixture.given(placed(null), confirmed(null, 0))
                .when(new PayOrder(ORDER, OWNER, 1000, "pay-1"))
                .expectException(BusinessRuleViolation.class)
                .expectNoEvents()
                .expectException(violationOf(ErrorCode.PAYMENT_MISMATCH));
    }

    @Test
    void an_order_is_never_charged_twice() {
        fixture.given(placed(null), confirmed(null, 0), new OrderPaid(ORDER, OWNER, 1490, "pay-1", LINES))
                .when(new PayOrder(ORDER, OWNER, 1490, "pay-2"))
                .expectException(BusinessRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void repeating_the_same_payment_is_accepted_without_charging_again() {
        fixture.given(placed(null), confirmed(null, 0), new OrderPaid(ORDER, OWNER, 1490, "pay-1", LINES))
                .when(new PayOrder(ORDER, OWNER, 1490, "pay-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_pending_order_cannot_be_paid_yet() {
        fixture.given(placed(null))
                .when(new PayOrder(ORDER, OWNER, 1490, "pay-1"))
                .expectException(violationOf(ErrorCode.ILLEGAL_STATE));
    }

    @Test
    void only_the_owner_pays_or_cancels() {
        fixture.given(placed(null), confirmed(null, 0))
                .when(new PayOrder(ORDER, "someone-else", 1490, "pay-1"))
                .expectException(violationOf(ErrorCode.FORBIDDEN));
        fixture.given(placed(null), confirmed(null, 0))
                .when(new CancelOrder(ORDER, "someone-else"))
                .expectException(violationOf(ErrorCode.FORBIDDEN));
    }

    @Test
    void the_owner_can_cancel_a_confirmed_order() {
        fixture.given(placed("c-1"), confirmed("c-1", 200))
                .when(new CancelOrder(ORDER, OWNER))
                .expectEvents(new OrderCancelled(ORDER, OWNER, LINES, "c-1"));
    }

    @Test
    void a_paid_order_cannot_be_cancelled() {
        fixture.given(placed(null), confirmed(null, 0), new OrderPaid(ORDER, OWNER, 1490, "pay-1", LINES))
                .when(new CancelOrder(ORDER, OWNER))
                .expectException(violationOf(ErrorCode.ILLEGAL_STATE));
    }

    @Test
    void an_unpaid_order_expires_when_the_payment_window_closes() {
        fixture.given(placed("c-1"))
                .andGivenCommands(new ConfirmOrder(ORDER, LINES, 200, dueAt))
                .whenThenTimeElapses(Duration.ofMinutes(15).plusSeconds(1))
                .expectTriggeredDeadlinesWithName(Order.PAYMENT_WINDOW)
                .expectEvents(new OrderExpired(ORDER, OWNER, LINES, "c-1"));
    }

    @Test
    void a_paid_order_does_not_expire() {
        fixture.given(placed(null))
                .andGivenCommands(new ConfirmOrder(ORDER, LINES, 0, dueAt), new PayOrder(ORDER, OWNER, 1490, "p"))
                .whenThenTimeElapses(Duration.ofMinutes(16))
                .expectTriggeredDeadlinesWithName(Order.PAYMENT_WINDOW)
                .expectNoEvents();
    }

    @Test
    void a_payment_after_the_window_closed_is_refused_even_before_the_order_has_expired() {
        clock.set(dueAt);
        fixture.given(placed(null), confirmed(null, 0))
                .when(new PayOrder(ORDER, OWNER, 1490, "pay-late"))
                .expectNoEvents()
                .expectException(violationOf(ErrorCode.ILLEGAL_STATE));
    }

    @Test
    void an_expired_order_cannot_be_paid() {
        fixture.given(placed(null), confirmed(null, 0), new OrderExpired(ORDER, OWNER, LINES, null))
                .when(new PayOrder(ORDER, OWNER, 1490, "pay-1"))
                .expectException(violationOf(ErrorCode.ILLEGAL_STATE));
    }

    @Test
    void a_paid_order_of_a_failed_group_is_refunded_in_full() {
        fixture.given(placed(null), confirmed(null, 0), new OrderPaid(ORDER, OWNER, 1490, "pay-1", LINES))
                .when(new RefundOrder(ORDER, ErrorCode.GROUP_FAILED))
                .expectEvents(new OrderRefunded(ORDER, OWNER, 1490, "GROUP_FAILED", LINES, null, null));
    }

    @Test
    void an_order_is_never_refunded_twice() {
        fixture.given(placed(null), confirmed(null, 0), new OrderPaid(ORDER, OWNER, 1490, "pay-1", LINES),
                        new OrderRefunded(ORDER, OWNER, 1490, "GROUP_FAILED", LINES, null, null))
                .when(new RefundOrder(ORDER, ErrorCode.GROUP_FAILED))
                .expectNoEvents();
    }

    @Test
    void an_unpaid_order_cannot_be_refunded() {
        fixture.given(placed(null), confirmed(null, 0))
                .when(new RefundOrder(ORDER, ErrorCode.GROUP_FAILED))
                .expectException(violationOf(ErrorCode.ILLEGAL_STATE))
                .expectNoEvents();
    }

    @Test
    void when_its_group_fails_a_paid_order_is_refunded() {
        fixture.given(placed(null), confirmed(null, 0), new OrderPaid(ORDER, OWNER, 1490, "pay-1", LINES))
                .when(new SettleOrderOfFailedGroup(ORDER))
                .expectEvents(new OrderRefunded(ORDER, OWNER, 1490, "GROUP_FAILED", LINES, null, null))
                .expectResultMessagePayload(new OrderOutcome(ORDER, OrderStatus.REFUNDED));
    }

    @Test
    void when_its_group_fails_an_unpaid_order_is_cancelled() {
        fixture.given(placed(null), confirmed(null, 0))
                .when(new SettleOrderOfFailedGroup(ORDER))
                .expectEvents(new OrderCancelled(ORDER, OWNER, LINES, null, null));
    }

    @Test
    void when_its_group_fails_a_pending_order_is_rejected_with_the_reason() {
        fixture.given(placed(null))
                .when(new SettleOrderOfFailedGroup(ORDER))
                .expectEvents(new OrderRejected(ORDER, OWNER, "GROUP_FAILED",
                        "the group failed before the order was confirmed", ITEMS, null, null));
    }

    @Test
    void settling_an_order_of_a_failed_group_again_changes_nothing() {
        fixture.given(placed(null), confirmed(null, 0), new OrderPaid(ORDER, OWNER, 1490, "pay-1", LINES),
                        new OrderRefunded(ORDER, OWNER, 1490, "GROUP_FAILED", LINES, null, null))
                .when(new SettleOrderOfFailedGroup(ORDER))
                .expectNoEvents();
        fixture.given(placed(null), confirmed(null, 0), new OrderExpired(ORDER, OWNER, LINES, null, null))
                .when(new SettleOrderOfFailedGroup(ORDER))
                .expectNoEvents()
                .expectResultMessagePayload(new OrderOutcome(ORDER, OrderStatus.EXPIRED));
    }

    @Test
    void totals_cap_the_discount_at_the_subtotal() {
        assertThat(OrderTotals.of(LINES, 99_999)).isEqualTo(new OrderTotals(1490, 1490, 0));
        assertThat(OrderTotals.of(LINES, 90)).isEqualTo(new OrderTotals(1490, 90, 1400));
    }
}
