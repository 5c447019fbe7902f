package com.groupbuy.command.flashsale.model;

import com.groupbuy.command.domain.BusinessRuleViolation;
import com.groupbuy.command.domain.SettableClock;
import com.groupbuy.contract.ErrorCode;
import com.groupbuy.events.flashsale.FlashSaleEnded;
import com.groupbuy.events.flashsale.FlashSaleScheduled;
import com.groupbuy.events.flashsale.FlashSaleUnitsReserved;
import com.groupbuy.events.flashsale.FlashSaleUnitsReturned;
import com.groupbuy.events.groupbuy.HappyHours;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static com.groupbuy.command.domain.RuleViolations.violationOf;

class FlashSaleTest {

    private static final String SALE = "fs-1";
    private static final Duration LATE_ADMISSIONS = Duration.ofMinutes(1);

    private AggregateTestFixture<FlashSale> fixture;
    private SettableClock clock;
    private Instant startsAt;
    private Instant endsAt;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(FlashSale.class);
        clock = new SettableClock(fixture.currentTime());
        fixture.registerInjectableResource(clock);
        fixture.registerInjectableResource(new LateAdmissions(LATE_ADMISSIONS));
        startsAt = fixture.currentTime().plus(Duration.ofMinutes(1));
        endsAt = startsAt.plus(Duration.ofMinutes(10));
    }

    private FlashSaleScheduled scheduled(int quantity, int perUserLimit) {
        return new FlashSaleScheduled(SALE, "TEA", "tea", 199, quantity, perUserLimit, startsAt, endsAt);
    }

    private FlashSaleUnitsReserved reserved(String orderId, String userId, int quantity, int remaining) {
        return new FlashSaleUnitsReserved(SALE, orderId, userId, quantity, remaining);
    }

    private ReserveFlashSaleUnits buy(String orderId, String userId, int quantity) {
        return new ReserveFlashSaleUnits(SALE, orderId, userId, quantity, startsAt.plusSeconds(5));
    }

    @Test
    void scheduling_opens_the_sale_and_sets_a_deadline_at_its_end_plus_the_late_admissions() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleFlashSale(SALE, "TEA", "tea", 199, 20, 2, startsAt, endsAt))
                .expectEvents(scheduled(20, 2))
                .expectResultMessagePayload(true)
                .expectScheduledDeadlineWithName(Duration.between(fixture.currentTime(), endsAt.plus(LATE_ADMISSIONS)),
                        FlashSale.SALE_WINDOW);
    }

    @Test
    void a_sale_whose_window_is_backwards_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new ScheduleFlashSale(SALE, "TEA", "tea", 199, 20, 2, endsAt, startsAt))
                .expectException(BusinessRuleViolation.class)
                .expectExceptionMessage("startsAt must be before endsAt")
                .expectNoEvents();
    }

    @Test
    void a_sale_scheduled_again_with_its_id_stays_as_it_was() {
        fixture.given(scheduled(20, 2), reserved("o-1", "u1", 2, 18))
                .when(new ScheduleFlashSale(SALE, "TEA", "tea", 199, 20, 2, startsAt, endsAt))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(false)
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void a_sale_scheduled_again_after_it_ended_is_not_refused_as_over() {
        clock.set(endsAt.plusSeconds(30));
        fixture.given(scheduled(20, 2), new FlashSaleEnded(SALE, "TEA", 20, 20))
                .when(new ScheduleFlashSale(SALE, "TEA", "tea", 199, 20, 2, startsAt, endsAt))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_purchase_admitted_before_the_end_and_processed_after_it_still_holds_its_units() {
        clock.set(endsAt.plusSeconds(30));
        fixture.given(scheduled(20, 2))
                .when(buy("o-1", "u1", 2))
                .expectEvents(reserved("o-1", "u1", 2, 18));
    }

    @Test
    void a_purchase_admitted_at_the_end_is_refused_as_ended() {
        fixture.given(scheduled(20, 2))
                .when(new ReserveFlashSaleUnits(SALE, "o-1", "u1", 1, endsAt))
                .expectException(BusinessRuleViolation.class)
                .expectExceptionMessage("the sale ended at " + endsAt)
                .expectNoEvents();
    }

    @Test
    void an_admitted_purchase_holds_units_at_the_sale_price() {
        fixture.given(scheduled(20, 2))
                .when(buy("o-1", "u1", 2))
                .expectEvents(reserved("o-1", "u1", 2, 18))
                .expectResultMessagePayload(new FlashSaleReservation("TEA", "tea", 2, 199));
    }

    @Test
    void the_same_order_asking_again_gets_its_units_without_holding_more() {
        fixture.given(scheduled(20, 2), reserved("o-1", "u1", 2, 18))
                .when(buy("o-1", "u1", 2))
                .expectNoEvents()
                .expectResultMessagePayload(new FlashSaleReservation("TEA", "tea", 2, 199));
    }

    @Test
    void no_more_units_are_held_than_the_sale_has() {
        fixture.given(scheduled(3, 2), reserved("o-1", "u1", 2, 1))
                .when(buy("o-2", "u2", 2))
                .expectException(violationOf(ErrorCode.SOLD_OUT))
                .expectNoEvents();
    }

    @Test
    void a_customer_cannot_hold_more_than_the_per_user_limit_across_orders() {
        fixture.given(scheduled(20, 2), reserved("o-1", "u1", 1, 19))
                .when(buy("o-2", "u1", 2))
                .expectException(violationOf(ErrorCode.LIMIT_REACHED))
                .expectNoEvents();
    }

    @Test
    void a_purchase_admitted_before_the_start_is_refused() {
        fixture.given(scheduled(20, 2))
                .when(new ReserveFlashSaleUnits(SALE, "o-1", "u1", 1, startsAt.minusMillis(1)))
                .expectException(violationOf(ErrorCode.NOT_STARTED));
    }

    @Test
    void units_given_back_while_the_sale_runs_can_be_sold_again() {
        fixture.given(scheduled(20, 2), reserved("o-1", "u1", 2, 18))
                .when(new ReturnFlashSaleUnits(SALE, "o-1"))
                .expectEvents(new FlashSaleUnitsReturned(SALE, "TEA", "o-1", "u1", 2, 20, 0));
    }

    @Test
    void giving_back_units_of_an_order_that_holds_none_changes_nothing() {
        fixture.given(scheduled(20, 2), reserved("o-1", "u1", 2, 18),
                        new FlashSaleUnitsReturned(SALE, "TEA", "o-1", "u1", 2, 20, 0))
                .when(new ReturnFlashSaleUnits(SALE, "o-1"))
                .expectNoEvents();
    }

    @Test
    void a_customer_who_gave_units_back_may_buy_again() {
        fixture.given(scheduled(20, 2), reserved("o-1", "u1", 2, 18),
                        new FlashSaleUnitsReturned(SALE, "TEA", "o-1", "u1", 2, 20, 0))
                .when(buy("o-2", "u1", 2))
                .expectEvents(reserved("o-2", "u1", 2, 18));
    }

    @Test
    void when_the_window_closes_the_units_left_go_back_to_the_product() {
        fixture.givenCommands(new ScheduleFlashSale(SALE, "TEA", "tea", 199, 20, 2, startsAt, endsAt),
                        buy("o-1", "u1", 2))
                .whenThenTimeElapses(Duration.ofMinutes(12).plus(LATE_ADMISSIONS))
                .expectTriggeredDeadlinesWithName(FlashSale.SALE_WINDOW)
                .expectEvents(new FlashSaleEnded(SALE, "TEA", 18, 18));
    }

    @Test
    void an_admin_ending_the_sale_early_gives_the_units_left_back_and_later_purchases_are_refused() {
        fixture.given(scheduled(20, 2), reserved("o-1", "u1", 2, 18))
                .when(new EndFlashSaleEarly(SALE))
                .expectEvents(new FlashSaleEnded(SALE, "TEA", 18, 18))
                .expectResultMessagePayload(18);
        fixture.given(scheduled(20, 2), new FlashSaleEnded(SALE, "TEA", 20, 20))
                .when(buy("o-2", "u2", 1))
                .expectException(violationOf(ErrorCode.ENDED))
                .expectNoEvents();
    }

    @Test
    void ending_a_sale_that_has_ended_changes_nothing() {
        fixture.given(scheduled(20, 2), new FlashSaleEnded(SALE, "TEA", 20, 20))
                .when(new EndFlashSaleEarly(SALE))
                .expectNoEvents()
                .expectResultMessagePayload(0);
    }

    @Test
    void units_given_back_after_the_end_go_to_the_product() {
        fixture.given(scheduled(20, 2), reserved("o-1", "u1", 2, 18), new FlashSaleEnded(SALE, "TEA", 18, 18))
                .when(new ReturnFlashSaleUnits(SALE, "o-1"))
                .expectEvents(new FlashSaleUnitsReturned(SALE, "TEA", "o-1", "u1", 2, 0, 20));
    }

    @Test
    void nothing_is_held_once_the_sale_has_ended() {
        fixture.given(scheduled(20, 2), new FlashSaleEnded(SALE, "TEA", 20, 20))
                .when(buy("o-1", "u1", 1))
                .expectException(violationOf(ErrorCode.ENDED))
                .expectNoEvents();
    }

    @Test
    void the_allocation_tells_who_holds_which_units() {
        fixture.given(scheduled(20, 2), reserved("o-1", "u1", 2, 18), reserved("o-2", "u2", 1, 17))
                .when(new DescribeFlashSaleAllocation(SALE))
                .expectNoEvents()
                .expectResultMessagePayload(new FlashSaleAllocation(SALE, "TEA", 199, 20, 2, startsAt, endsAt,
                        null, false, 17, Map.of("o-1", new FlashSaleAllocation.Holding("u1", 2),
                        "o-2", new FlashSaleAllocation.Holding("u2", 1))));
    }

    @Test
    void a_happy_hour_sale_holds_units_only_for_purchases_admitted_within_its_hours() {
        Instant monday = Instant.parse("2031-05-05T00:00:00Z");
        HappyHours afternoons = new HappyHours(List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY), "14:00", "17:00",
                "Asia/Taipei");
        FlashSaleScheduled sale = new FlashSaleScheduled(SALE, "TEA", "tea", 199, 20, 2, monday,
                monday.plus(Duration.ofDays(7)), afternoons);

        fixture.given(sale)
                .when(new ReserveFlashSaleUnits(SALE, "o-1", "u1", 1, Instant.parse("2031-05-05T06:30:00Z")))
                .expectEvents(reserved("o-1", "u1", 1, 19));
        fixture.given(sale)
                .when(new ReserveFlashSaleUnits(SALE, "o-2", "u1", 1, Instant.parse("2031-05-05T09:00:00Z")))
                .expectException(violationOf(ErrorCode.NOT_STARTED))
                .expectNoEvents();
        fixture.given(sale)
                .when(new ReserveFlashSaleUnits(SALE, "o-3", "u1", 1, Instant.parse("2031-05-07T06:30:00Z")))
                .expectException(violationOf(ErrorCode.NOT_STARTED))
                .expectNoEvents();
    }

    @Test
    void happy_hours_are_part_of_the_sale_and_of_its_allocation() {
        HappyHours evenings = new HappyHours(List.of(DayOfWeek.FRIDAY), "18:00", "20:00", "UTC");

        fixture.givenNoPriorActivity()
                .when(new ScheduleFlashSale(SALE, "TEA", "tea", 199, 20, 2, startsAt, endsAt, evenings))
                .expectEvents(new FlashSaleScheduled(SALE, "TEA", "tea", 199, 20, 2, startsAt, endsAt, evenings));
        fixture.given(new FlashSaleScheduled(SALE, "TEA", "tea", 199, 20, 2, startsAt, endsAt, evenings))
                .when(new DescribeFlashSaleAllocation(SALE))
                .expectResultMessagePayload(new FlashSaleAllocation(SALE, "TEA", 199, 20, 2, startsAt, endsAt,
                        evenings, false, 20, Map.of()));
    }

    @Test
    void happy_hours_must_be_valid_and_the_sale_no_longer_than_366_days() {
        HappyHours noDays = new HappyHours(List.of(), "18:00", "20:00", "UTC");
        HappyHours nowhere = new HappyHours(List.of(DayOfWeek.FRIDAY), "18:00", "20:00", "Mars/Olympus");
        HappyHours evenings = new HappyHours(List.of(DayOfWeek.FRIDAY), "18:00", "20:00", "UTC");

        for (HappyHours invalid : List.of(noDays, nowhere)) {
            fixture.givenNoPriorActivity()
                    .when(new ScheduleFlashSale(SALE, "TEA", "tea", 199, 20, 2, startsAt, endsAt, invalid))
                    .expectException(violationOf(ErrorCode.VALIDATION_FAILED))
                    .expectNoEvents();
        }
        fixture.givenNoPriorActivity()
                .when(new ScheduleFlashSale(SALE, "TEA", "tea", 199, 20, 2, startsAt,
                        startsAt.plus(Duration.ofDays(367)), evenings))
                .expectException(violationOf(ErrorCode.VALIDATION_FAILED))
                .expectNoEvents();
    }
}
