package com.groupbuy.command.groupbuy.model;

import com.groupbuy.command.domain.BusinessRuleViolation;
import com.groupbuy.command.domain.SettableClock;
import com.groupbuy.command.product.model.Listing;
import com.groupbuy.command.product.model.OptionMenu;
import com.groupbuy.contract.ErrorCode;
import com.groupbuy.events.groupbuy.GroupBuyCancelled;
import com.groupbuy.events.groupbuy.GroupBuyCreated;
import com.groupbuy.events.groupbuy.HappyHours;
import com.groupbuy.events.product.OptionGroup;
import com.groupbuy.events.groupbuy.GroupBuyPaused;
import com.groupbuy.events.groupbuy.GroupBuyResumed;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.groupbuy.command.domain.RuleViolations.violationOf;

class GroupBuyTest {

    private static final String DEAL = "gb-1";
    private static final Listing TEA = new Listing("TEA", "tea", 500);

    private AggregateTestFixture<GroupBuy> fixture;
    private SettableClock clock;
    private Instant startsAt;
    private Instant endsAt;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(GroupBuy.class);
        clock = new SettableClock(fixture.currentTime());
        fixture.registerInjectableResource(clock);
        startsAt = fixture.currentTime().plus(Duration.ofMinutes(1));
        endsAt = startsAt.plus(Duration.ofHours(2));
    }

    private CreateGroupBuy create(long groupPriceCents, int groupSize) {
        return new CreateGroupBuy(DEAL, TEA, groupPriceCents, groupSize, 600, startsAt, endsAt);
    }

    private GroupBuyCreated created() {
        return new GroupBuyCreated(DEAL, "TEA", "tea", 300, 3, 600, startsAt, endsAt);
    }

    private ResultValidator<GroupBuy> createdAgain() {
        return fixture.given(created()).when(create(300, 3));
    }

    @Test
    void a_deal_offers_the_product_at_the_group_price_to_groups_of_its_size() {
        fixture.givenNoPriorActivity()
                .when(create(300, 3))
                .expectEvents(created());
    }

    @Test
    void a_happy_hour_deal_opens_groups_only_within_its_hours() {
        Instant monday = Instant.parse("2031-05-05T00:00:00Z");
        HappyHours afternoons = new HappyHours(List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY), "14:00", "17:00",
                "Asia/Taipei");
        GroupBuyCreated deal = new GroupBuyCreated(DEAL, "TEA", "tea", 300, 3, 600, monday,
                monday.plus(Duration.ofDays(7)), afternoons);

        fixture.given(deal)
                .when(new TermsForNewGroup(DEAL, Instant.parse("2031-05-05T06:30:00Z")))
                .expectResultMessagePayload(new GroupTerms(DEAL, "TEA", 300, 3, Duration.ofSeconds(600)));
        fixture.given(deal)
                .when(new TermsForNewGroup(DEAL, Instant.parse("2031-05-05T09:00:00Z")))
                .expectException(violationOf(ErrorCode.NOT_STARTED));
        fixture.given(deal)
                .when(new TermsForNewGroup(DEAL, Instant.parse("2031-05-07T06:30:00Z")))
                .expectException(violationOf(ErrorCode.NOT_STARTED));
    }

    @Test
    void happy_hours_are_part_of_the_deal_and_must_be_valid() {
        HappyHours evenings = new HappyHours(List.of(DayOfWeek.FRIDAY), "18:00", "20:00", "UTC");
        fixture.givenNoPriorActivity()
                .when(new CreateGroupBuy(DEAL, TEA, 300, 3, 600, startsAt, endsAt, evenings))
                .expectEvents(new GroupBuyCreated(DEAL, "TEA", "tea", 300, 3, 600, startsAt, endsAt, evenings));
        fixture.givenNoPriorActivity()
                .when(new CreateGroupBuy(DEAL, TEA, 300, 3, 600, startsAt, endsAt,
                        new HappyHours(List.of(DayOfWeek.FRIDAY), "18:00", "20:00", "Mars/Olympus")))
                .expectException(violationOf(ErrorCode.VALIDATION_FAILED));
        fixture.givenNoPriorActivity()
                .when(new CreateGroupBuy(DEAL, TEA, 300, 3, 600, startsAt, endsAt,
                        new HappyHours(List.of(), "18:00", "20:00", "UTC")))
                .expectException(violationOf(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void a_deal_created_again_with_its_id_stays_as_it_was() {
        createdAgain().expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void a_deal_created_again_after_it_ended_is_not_refused_as_over() {
        clock.set(endsAt.plusSeconds(30));
        createdAgain().expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void a_group_price_not_below_the_list_price_is_refused() {
        fixture.givenNoPriorActivity()
                .when(create(500, 3))
                .expectException(violationOf(ErrorCode.VALIDATION_FAILED))
                .expectNoEvents();
    }

    @Test
    void a_group_size_outside_two_to_fifty_is_refused() {
        fixture.givenNoPriorActivity()
                .when(create(300, 1))
                .expectException(BusinessRuleViolation.class)
                .expectExceptionMessage("groupSize must be between 2 and 50");
        fixture.givenNoPriorActivity()
                .when(create(300, 51))
                .expectException(violationOf(ErrorCode.VALIDATION_FAILED));
    }

    @Test
    void a_group_opened_during_the_deal_gets_its_terms() {
        fixture.given(created())
                .when(new TermsForNewGroup(DEAL, startsAt.plusSeconds(1)))
                .expectResultMessagePayload(new GroupTerms(DEAL, "TEA", 300, 3, Duration.ofSeconds(600)));
    }

    @Test
    void no_group_opens_before_the_deal_starts_or_after_it_ends() {
        fixture.given(created())
                .when(new TermsForNewGroup(DEAL, startsAt.minusSeconds(1)))
                .expectException(violationOf(ErrorCode.NOT_STARTED));
        fixture.given(created())
                .when(new TermsForNewGroup(DEAL, endsAt))
                .expectException(violationOf(ErrorCode.ENDED));
    }

    @Test
    void a_paused_deal_opens_no_group_and_takes_no_members_until_it_is_resumed() {
        fixture.given(created())
                .when(new PauseGroupBuy(DEAL))
                .expectEvents(new GroupBuyPaused(DEAL))
                .expectResultMessagePayload(DealStatus.PAUSED);
        fixture.given(created(), new GroupBuyPaused(DEAL))
                .when(new TermsForNewGroup(DEAL, startsAt.plusSeconds(1)))
                .expectException(violationOf(ErrorCode.ILLEGAL_STATE));
        fixture.given(created(), new GroupBuyPaused(DEAL))
                .when(new RequireDealTakesMembers(DEAL))
                .expectException(violationOf(ErrorCode.ILLEGAL_STATE));
        fixture.given(created(), new GroupBuyPaused(DEAL))
                .when(new ResumeGroupBuy(DEAL))
                .expectEvents(new GroupBuyResumed(DEAL))
                .expectResultMessagePayload(DealStatus.ACTIVE);
        fixture.given(created(), new GroupBuyPaused(DEAL), new GroupBuyResumed(DEAL))
                .when(new TermsForNewGroup(DEAL, startsAt.plusSeconds(1)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void pausing_or_resuming_twice_changes_nothing() {
        fixture.given(created(), new GroupBuyPaused(DEAL))
                .when(new PauseGroupBuy(DEAL))
                .expectNoEvents();
        fixture.given(created())
                .when(new ResumeGroupBuy(DEAL))
                .expectNoEvents();
    }

    @Test
    void a_cancelled_deal_has_ended_for_good() {
        fixture.given(created(), new GroupBuyPaused(DEAL))
                .when(new CancelGroupBuy(DEAL))
                .expectEvents(new GroupBuyCancelled(DEAL))
                .expectResultMessagePayload(DealStatus.CANCELLED);
        fixture.given(created(), new GroupBuyCancelled(DEAL))
                .when(new TermsForNewGroup(DEAL, startsAt.plusSeconds(1)))
                .expectException(violationOf(ErrorCode.ENDED));
        fixture.given(created(), new GroupBuyCancelled(DEAL))
                .when(new RequireDealTakesMembers(DEAL))
                .expectException(violationOf(ErrorCode.ENDED));
        fixture.given(created(), new GroupBuyCancelled(DEAL))
                .when(new CancelGroupBuy(DEAL))
                .expectNoEvents();
        fixture.given(created(), new GroupBuyCancelled(DEAL))
                .when(new ResumeGroupBuy(DEAL))
                .expectException(violationOf(ErrorCode.ILLEGAL_STATE));
    }

    private static final Listing MILK_TEA = new Listing("MILK-TEA", "milk-tea", 500, new OptionMenu(List.of(
            new OptionGroup("sugar", "Sugar", 1, 1, List.of(new OptionGroup.Option("50", "Half", 0, null))),
            new OptionGroup("ice", "Ice", 0, 1, List.of(new OptionGroup.Option("less", "Less ice", 0, null))))));

    @Test
    void a_deal_names_the_option_groups_its_members_may_choose_from_and_gives_them_with_its_terms() {
        CreateGroupBuy create = new CreateGroupBuy(DEAL, MILK_TEA, 300, 3, 600, startsAt, endsAt, null,
                List.of("sugar"));
        GroupBuyCreated deal = new GroupBuyCreated(DEAL, "MILK-TEA", "milk-tea", 300, 3, 600, startsAt, endsAt,
                null, List.of("sugar"));

        fixture.givenNoPriorActivity().when(create).expectEvents(deal);
        fixture.given(deal)
                .when(new TermsForNewGroup(DEAL, startsAt.plusSeconds(1)))
                .expectResultMessagePayload(new GroupTerms(DEAL, "MILK-TEA", 300, 3, Duration.ofSeconds(600),
                        List.of("sugar")));
        fixture.given(deal)
                .when(new RequireDealTakesMembers(DEAL))
                .expectResultMessagePayload(new MemberChoices("MILK-TEA", List.of("sugar")));
    }

    @Test
    void a_deal_cannot_allow_an_option_group_the_product_does_not_have() {
        fixture.givenNoPriorActivity()
                .when(new CreateGroupBuy(DEAL, MILK_TEA, 300, 3, 600, startsAt, endsAt, null, List.of("toppings")))
                .expectException(violationOf(ErrorCode.VALIDATION_FAILED))
                .expectExceptionMessage("allowedOptions: the product has no option group toppings (groups: sugar, ice)")
                .expectNoEvents();
    }
}
