package com.groupbuy.command.groupbuy.model;

import com.groupbuy.command.domain.BusinessRuleViolation;
import com.groupbuy.command.domain.SettableClock;
import com.groupbuy.contract.ErrorCode;
import com.groupbuy.events.groupbuy.GroupCompleted;
import com.groupbuy.events.groupbuy.GroupFailed;
import com.groupbuy.events.groupbuy.GroupMemberJoined;
import com.groupbuy.events.groupbuy.GroupMemberLeft;
import com.groupbuy.events.groupbuy.GroupMemberPaid;
import com.groupbuy.events.groupbuy.GroupOpened;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.groupbuy.command.domain.RuleViolations.violationOf;

class GroupTest {

    private static final String DEAL = "gb-1";
    private static final String GROUP = "g-1";
    private static final Duration WINDOW = Duration.ofMinutes(30);

    private AggregateTestFixture<Group> fixture;
    private Instant now;
    private SettableClock clock;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Group.class);
        now = fixture.currentTime();
        clock = new SettableClock(now);
        fixture.registerInjectableResource(clock);
    }

    private OpenGroup open(int groupSize) {
        return new OpenGroup(GROUP, new GroupTerms(DEAL, "TEA", 300, groupSize, WINDOW), "u1", "o-1");
    }

    private GroupOpened opened(int groupSize) {
        return new GroupOpened(GROUP, DEAL, "TEA", 300, groupSize, "u1", now, now.plus(WINDOW));
    }

    private GroupMemberJoined joined(String userId, String orderId, int members) {
        return new GroupMemberJoined(GROUP, DEAL, userId, orderId, members);
    }

    private GroupMemberPaid paid(String userId, String orderId, int paidMembers) {
        return new GroupMemberPaid(GROUP, DEAL, userId, orderId, paidMembers);
    }

    private static MemberOrder memberOrder(String orderId) {
        return new MemberOrder(DEAL, GROUP, orderId, "TEA", 300);
    }

    @Test
    void opening_a_group_makes_the_opener_its_first_member_and_sets_a_deadline_at_its_window() {
        fixture.givenNoPriorActivity()
                .when(open(3))
                .expectEvents(opened(3), joined("u1", "o-1", 1))
                .expectResultMessagePayload(memberOrder("o-1"))
                .expectScheduledDeadlineWithName(WINDOW, Group.GROUP_WINDOW);
    }

    @Test
    void opening_the_same_group_again_with_the_same_order_is_a_repeat() {
        fixture.given(opened(3), joined("u1", "o-1", 1))
                .when(open(3))
                .expectNoEvents()
                .expectResultMessagePayload(memberOrder("o-1"));
    }

    @Test
    void a_customer_joins_an_open_group_with_room() {
        fixture.given(opened(3), joined("u1", "o-1", 1))
                .when(new JoinGroup(GROUP, DEAL, "u2", "o-2"))
                .expectEvents(joined("u2", "o-2", 2))
                .expectResultMessagePayload(memberOrder("o-2"));
    }

    @Test
    void a_customer_is_a_member_of_a_group_at_most_once() {
        fixture.given(opened(3), joined("u1", "o-1", 1), joined("u2", "o-2", 2))
                .when(new JoinGroup(GROUP, DEAL, "u2", "o-9"))
                .expectException(violationOf(ErrorCode.ALREADY_MEMBER))
                .expectNoEvents();
    }

    @Test
    void joining_again_with_the_same_order_is_a_repeat_not_a_second_place() {
        fixture.given(opened(3), joined("u1", "o-1", 1), joined("u2", "o-2", 2))
                .when(new JoinGroup(GROUP, DEAL, "u2", "o-2"))
                .expectNoEvents()
                .expectResultMessagePayload(memberOrder("o-2"));
    }

    @Test
    void a_full_group_takes_nobody_else() {
        fixture.given(opened(2), joined("u1", "o-1", 1), joined("u2", "o-2", 2))
                .when(new JoinGroup(GROUP, DEAL, "u3", "o-3"))
                .expectException(violationOf(ErrorCode.GROUP_FULL))
                .expectNoEvents();
    }

    @Test
    void a_group_of_another_deal_is_not_found_under_this_one() {
        fixture.given(opened(3), joined("u1", "o-1", 1))
                .when(new JoinGroup(GROUP, "gb-other", "u2", "o-2"))
                .expectException(violationOf(ErrorCode.NOT_FOUND));
    }

    @Test
    void a_group_whose_deal_is_cancelled_fails_with_its_paid_and_unpaid_orders() {
        fixture.given(opened(3), joined("u1", "o-1", 1), joined("u2", "o-2", 2), paid("u1", "o-1", 1))
                .when(new FailGroup(GROUP))
                .expectEvents(new GroupFailed(GROUP, DEAL, 3, List.of("o-1"), List.of("o-2")));
    }

    @Test
    void failing_a_group_that_has_ended_changes_nothing() {
        fixture.given(opened(3), joined("u1", "o-1", 1), new GroupFailed(GROUP, DEAL, 3, List.of(), List.of("o-1")))
                .when(new FailGroup(GROUP))
                .expectNoEvents();
    }

    @Test
    void a_failed_group_takes_no_members() {
        fixture.given(opened(3), joined("u1", "o-1", 1), new GroupFailed(GROUP, DEAL, 3, List.of(), List.of("o-1")))
                .when(new JoinGroup(GROUP, DEAL, "u2", "o-2"))
                .expectException(violationOf(ErrorCode.GROUP_CLOSED))
                .expectNoEvents();
    }

    @Test
    void a_group_past_its_window_takes_no_members_even_before_its_deadline_has_run() {
        clock.set(now.plus(WINDOW));
        fixture.given(opened(3), joined("u1", "o-1", 1))
                .when(new JoinGroup(GROUP, DEAL, "u2", "o-2"))
                .expectException(violationOf(ErrorCode.GROUP_CLOSED));
    }

    @Test
    void a_payment_counts_once_per_member() {
        fixture.given(opened(3), joined("u1", "o-1", 1), joined("u2", "o-2", 2), paid("u1", "o-1", 1))
                .when(new RecordMemberPayment(GROUP, "o-1"))
                .expectNoEvents()
                .expectResultMessagePayload(GroupStatus.OPEN);
    }

    @Test
    void the_group_completes_when_its_size_in_members_have_paid() {
        fixture.given(opened(3), joined("u1", "o-1", 1), joined("u2", "o-2", 2), joined("u3", "o-3", 3),
                        paid("u1", "o-1", 1), paid("u3", "o-3", 2))
                .when(new RecordMemberPayment(GROUP, "o-2"))
                .expectEvents(paid("u2", "o-2", 3), new GroupCompleted(GROUP, DEAL, List.of("o-1", "o-2", "o-3")))
                .expectResultMessagePayload(GroupStatus.COMPLETED);
    }

    @Test
    void a_payment_after_the_window_closed_does_not_complete_the_group_though_it_has_not_failed_yet() {
        clock.set(now.plus(WINDOW));
        fixture.given(opened(2), joined("u1", "o-1", 1), joined("u2", "o-2", 2), paid("u1", "o-1", 1))
                .when(new RecordMemberPayment(GROUP, "o-2"))
                .expectNoEvents()
                .expectResultMessagePayload(GroupStatus.OPEN);
    }

    @Test
    void a_payment_after_the_group_failed_is_not_counted_and_says_so() {
        fixture.given(opened(3), joined("u1", "o-1", 1), new GroupFailed(GROUP, DEAL, 3, List.of(), List.of("o-1")))
                .when(new RecordMemberPayment(GROUP, "o-1"))
                .expectNoEvents()
                .expectResultMessagePayload(GroupStatus.FAILED);
    }

    @Test
    void a_member_whose_order_ended_unpaid_frees_the_place() {
        fixture.given(opened(2), joined("u1", "o-1", 1), joined("u2", "o-2", 2))
                .when(new RemoveMember(GROUP, "o-2", "EXPIRED"))
                .expectEvents(new GroupMemberLeft(GROUP, DEAL, "u2", "o-2", 1, "EXPIRED"));
    }

    @Test
    void a_freed_place_can_be_taken_by_another_customer() {
        fixture.given(opened(2), joined("u1", "o-1", 1), joined("u2", "o-2", 2),
                        new GroupMemberLeft(GROUP, DEAL, "u2", "o-2", 1, "EXPIRED"))
                .when(new JoinGroup(GROUP, DEAL, "u3", "o-3"))
                .expectEvents(joined("u3", "o-3", 2));
    }

    @Test
    void a_member_order_is_admitted_only_while_the_group_is_open_and_it_is_a_member() {
        fixture.given(opened(2), joined("u1", "o-1", 1))
                .when(new AdmitMemberOrder(GROUP, "o-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(opened(2), joined("u1", "o-1", 1), new GroupMemberLeft(GROUP, DEAL, "u1", "o-1", 0, "REJECTED"))
                .when(new AdmitMemberOrder(GROUP, "o-1"))
                .expectException(violationOf(ErrorCode.GROUP_CLOSED));
    }

    @Test
    void when_the_window_closes_first_the_group_fails_naming_paid_and_unpaid_orders() {
        fixture.givenCommands(open(3))
                .andGiven(joined("u2", "o-2", 2), paid("u2", "o-2", 1))
                .whenThenTimeElapses(WINDOW)
                .expectTriggeredDeadlinesWithName(Group.GROUP_WINDOW)
                .expectEvents(new GroupFailed(GROUP, DEAL, 3, List.of("o-2"), List.of("o-1")));
    }

    @Test
    void a_completed_group_does_not_fail_when_its_window_closes() {
        fixture.givenCommands(open(2))
                .andGiven(joined("u2", "o-2", 2), paid("u1", "o-1", 1), paid("u2", "o-2", 2),
                        new GroupCompleted(GROUP, DEAL, List.of("o-1", "o-2")))
                .whenThenTimeElapses(WINDOW)
                .expectNoEvents();
    }
}
