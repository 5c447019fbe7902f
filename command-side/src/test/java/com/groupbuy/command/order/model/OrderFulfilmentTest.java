package com.groupbuy.command.order.model;

import com.groupbuy.contract.ErrorCode;
import com.groupbuy.contract.PickupCode;
import com.groupbuy.events.order.OrderConfirmed;
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
import com.groupbuy.events.order.PricedLine;
import com.groupbuy.events.order.Promotion;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.groupbuy.command.domain.RuleViolations.violationOf;

class OrderFulfilmentTest {

    private static final String ORDER = "o-1";
    private static final String OWNER = "u1";
    private static final String STAFF = "barista-1";
    private static final List<PricedLine> LINES = List.of(new PricedLine("TEA", "tea", 2, 450));
    private static final Promotion GROUP = Promotion.groupBuy("deal-1", "group-1");

    private AggregateTestFixture<Order> fixture;
    private Instant dueAt;
    private Instant collectBy;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Order.class);
        dueAt = fixture.currentTime().plus(Duration.ofMinutes(15));
        collectBy = fixture.currentTime().plus(Duration.ofMinutes(30));
    }

    private Object[] paid(Promotion promotion) {
        return new Object[] {
                new OrderPlaced(ORDER, OWNER, List.of(new OrderItem("TEA", 2)), null, promotion),
                new OrderConfirmed(ORDER, OWNER, LINES, null, 900, 0, 900, dueAt, promotion),
                new OrderPaid(ORDER, OWNER, 900, "pay-1", LINES, promotion)};
    }

    private Object[] ready() {
        return new Object[] {paid(null)[0], paid(null)[1], paid(null)[2],
                new OrderPreparationStarted(ORDER, OWNER, STAFF),
                new OrderReadyForPickup(ORDER, OWNER, STAFF, collectBy)};
    }

    @Test
    void staff_start_preparing_a_paid_order() {
        fixture.given(paid(null))
                .when(new StartPreparingOrder(ORDER, STAFF))
                .expectEvents(new OrderPreparationStarted(ORDER, OWNER, STAFF));
    }

    @Test
    void an_unpaid_order_cannot_be_prepared() {
        fixture.given(paid(null)[0], paid(null)[1])
                .when(new StartPreparingOrder(ORDER, STAFF))
                .expectException(violationOf(ErrorCode.ILLEGAL_STATE));
    }

    @Test
    void a_paid_group_order_waits_for_its_group_to_complete() {
        fixture.given(paid(GROUP))
                .when(new StartPreparingOrder(ORDER, STAFF))
                .expectException(violationOf(ErrorCode.ILLEGAL_STATE))
                .expectNoEvents();
    }

    @Test
    void a_group_order_whose_group_completed_can_be_prepared() {
        fixture.given(paid(GROUP)).andGiven(new OrderGroupCompleted(ORDER, OWNER, "group-1"))
                .when(new StartPreparingOrder(ORDER, STAFF))
                .expectEvents(new OrderPreparationStarted(ORDER, OWNER, STAFF));
    }

    @Test
    void the_completion_of_its_group_is_recorded_once_and_only_on_a_paid_group_order() {
        fixture.given(paid(GROUP))
                .when(new RecordGroupCompletion(ORDER, "group-1"))
                .expectEvents(new OrderGroupCompleted(ORDER, OWNER, "group-1"));
        fixture.given(paid(GROUP)).andGiven(new OrderGroupCompleted(ORDER, OWNER, "group-1"))
                .when(new RecordGroupCompletion(ORDER, "group-1"))
                .expectNoEvents();
        fixture.given(paid(null))
                .when(new RecordGroupCompletion(ORDER, "group-1"))
                .expectNoEvents();
    }

    @Test
    void a_made_order_waits_on_the_counter_until_its_collect_by_time() {
        fixture.given(paid(null)).andGiven(new OrderPreparationStarted(ORDER, OWNER, STAFF))
                .when(new MarkOrderReady(ORDER, STAFF, collectBy))
                .expectEvents(new OrderReadyForPickup(ORDER, OWNER, STAFF, collectBy))
                .expectScheduledDeadlineWithName(Duration.ofMinutes(30), Order.PICKUP_WINDOW);
    }

    @Test
    void an_order_not_being_prepared_cannot_be_ready() {
        fixture.given(paid(null))
                .when(new MarkOrderReady(ORDER, STAFF, collectBy))
                .expectException(violationOf(ErrorCode.ILLEGAL_STATE));
    }

    @Test
    void a_ready_order_is_handed_over_to_whoever_shows_its_pickup_code() {
        fixture.given(ready())
                .when(new HandOverOrder(ORDER, STAFF, PickupCode.of(ORDER).toLowerCase()))
                .expectEvents(new OrderPickedUp(ORDER, OWNER, STAFF));
    }

    @Test
    void a_wrong_pickup_code_is_refused() {
        String wrong = PickupCode.of(ORDER).equals("AAAA") ? "CCCC" : "AAAA";
        fixture.given(ready())
                .when(new HandOverOrder(ORDER, STAFF, wrong))
                .expectException(violationOf(ErrorCode.PICKUP_CODE_MISMATCH))
                .expectNoEvents();
    }

    @Test
    void a_ready_order_nobody_collects_in_time_is_not_collected_and_can_still_be_handed_over() {
        fixture.given(paid(null)).andGiven(new OrderPreparationStarted(ORDER, OWNER, STAFF))
                .andGivenCommands(new MarkOrderReady(ORDER, STAFF, collectBy))
                .whenTimeElapses(Duration.ofMinutes(31))
                .expectEvents(new OrderNotCollected(ORDER, OWNER));
        Object[] notCollected = List.of(ready()[0], ready()[1], ready()[2], ready()[3], ready()[4],
                new OrderNotCollected(ORDER, OWNER)).toArray();
        fixture.given(notCollected)
                .when(new HandOverOrder(ORDER, STAFF, PickupCode.of(ORDER)))
                .expectEvents(new OrderPickedUp(ORDER, OWNER, STAFF));
    }

    @Test
    void each_step_repeated_changes_nothing() {
        fixture.given(paid(null)).andGiven(new OrderPreparationStarted(ORDER, OWNER, STAFF))
                .when(new StartPreparingOrder(ORDER, STAFF))
                .expectNoEvents();
        fixture.given(ready())
                .when(new MarkOrderReady(ORDER, STAFF, collectBy))
                .expectNoEvents();
        Object[] pickedUp = List.of(ready()[0], ready()[1], ready()[2], ready()[3], ready()[4],
                new OrderPickedUp(ORDER, OWNER, STAFF)).toArray();
        fixture.given(pickedUp)
                .when(new HandOverOrder(ORDER, STAFF, "anything"))
                .expectNoEvents();
    }

    @Test
    void an_admin_refund_before_the_counter_made_the_order_gives_its_units_and_coupon_back() {
        fixture.given(paid(null))
                .when(new RefundPaidOrder(ORDER, "admin-1", "customer changed their mind"))
                .expectEvents(new OrderRefunded(ORDER, OWNER, 900, OrderRefunded.REFUNDED_BY_SHOP, LINES, null, null,
                        "customer changed their mind", false));
    }

    @Test
    void an_admin_refund_of_an_order_the_counter_made_gives_back_the_money_only() {
        fixture.given(ready())
                .when(new RefundPaidOrder(ORDER, "admin-1", "wrong drink"))
                .expectEvents(new OrderRefunded(ORDER, OWNER, 900, OrderRefunded.REFUNDED_BY_SHOP, LINES, null, null,
                        "wrong drink", true));
    }

    @Test
    void an_order_is_refunded_once_and_only_when_paid() {
        Object[] refunded = List.of(paid(null)[0], paid(null)[1], paid(null)[2],
                new OrderRefunded(ORDER, OWNER, 900, OrderRefunded.REFUNDED_BY_SHOP, LINES, null, null, "x", false))
                .toArray();
        fixture.given(refunded)
                .when(new RefundPaidOrder(ORDER, "admin-1", "again"))
                .expectNoEvents();
        fixture.given(paid(null)[0], paid(null)[1])
                .when(new RefundPaidOrder(ORDER, "admin-1", "unpaid"))
                .expectException(violationOf(ErrorCode.ILLEGAL_STATE));
    }

    @Test
    void a_partial_refund_gives_back_money_only_and_the_order_stays_where_it_is() {
        fixture.given(ready())
                .when(new RefundPaidOrder(ORDER, "admin-1", "one cup spilt", 450L))
                .expectEvents(new OrderPartiallyRefunded(ORDER, OWNER, 450, 450, "one cup spilt", "READY", LINES));
    }

    @Test
    void partial_refunds_never_give_back_more_than_was_paid_and_a_full_refund_gives_back_the_rest() {
        Object[] partlyRefunded = List.of(paid(null)[0], paid(null)[1], paid(null)[2],
                new OrderPartiallyRefunded(ORDER, OWNER, 300, 300, "late", "PAID", LINES)).toArray();
        fixture.given(partlyRefunded)
                .when(new RefundPaidOrder(ORDER, "admin-1", "too much", 601L))
                .expectException(violationOf(ErrorCode.VALIDATION_FAILED))
                .expectNoEvents();
        fixture.given(partlyRefunded)
                .when(new RefundPaidOrder(ORDER, "admin-1", "a bit more", 100L))
                .expectEvents(new OrderPartiallyRefunded(ORDER, OWNER, 100, 400, "a bit more", "PAID", LINES));
        fixture.given(partlyRefunded)
                .when(new RefundPaidOrder(ORDER, "admin-1", "the rest", 600L))
                .expectEvents(new OrderRefunded(ORDER, OWNER, 600, OrderRefunded.REFUNDED_BY_SHOP, LINES, null, null,
                        "the rest", false));
        fixture.given(partlyRefunded)
                .when(new RefundPaidOrder(ORDER, "admin-1", "all of it"))
                .expectEvents(new OrderRefunded(ORDER, OWNER, 600, OrderRefunded.REFUNDED_BY_SHOP, LINES, null, null,
                        "all of it", false));
    }

    @Test
    void a_paid_member_of_a_group_still_open_is_not_refunded_by_an_admin() {
        fixture.given(paid(GROUP))
                .when(new RefundPaidOrder(ORDER, "admin-1", "changed mind"))
                .expectException(violationOf(ErrorCode.ILLEGAL_STATE))
                .expectNoEvents();
    }

    @Test
    void an_order_being_prepared_is_no_longer_refunded_by_its_group_settlement() {
        fixture.given(paid(null)).andGiven(new OrderPreparationStarted(ORDER, OWNER, STAFF))
                .when(new RefundOrder(ORDER, ErrorCode.GROUP_FAILED))
                .expectException(violationOf(ErrorCode.ILLEGAL_STATE));
    }
}
