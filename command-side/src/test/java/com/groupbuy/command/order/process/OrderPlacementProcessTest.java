package com.groupbuy.command.order.process;

import com.groupbuy.command.coupon.model.RedeemCoupon;
import com.groupbuy.command.coupon.model.RestoreCoupon;
import com.groupbuy.command.domain.BusinessRuleViolation;
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
import com.groupbuy.events.order.ChosenOption;
import com.groupbuy.events.order.OrderItem;
import com.groupbuy.events.order.PricedLine;
import com.groupbuy.events.product.OptionGroup;
import com.groupbuy.events.product.OptionGroup.Option;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class OrderPlacementProcessTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(15);
    private static final OrderRequest TWO_LINES_WITH_COUPON = OrderRequest.regular("o-1", "u1",
            List.of(new OrderItem("TEA", 2), new OrderItem("BOBA", 1)), "c-1", NOW);

    private final ScriptedCommands commands = new ScriptedCommands();

    private OrderOutcome place(OrderRequest request) {
        return new OrderPlacementProcess(commands.gateway(), Clock.fixed(NOW, ZoneOffset.UTC), WINDOW).place(request);
    }

    private static Object pending(Object command) {
        return new OrderOutcome("o-1", OrderStatus.PENDING);
    }

    @Test
    void a_request_with_stock_and_a_valid_coupon_is_priced_and_confirmed() {
        commands.answering(command -> switch (command) {
            case ReserveStock reserve -> new Reservation(reserve.sku(), reserve.quantity(),
                    reserve.sku().equals("TEA") ? 450 : 590, "tea");
            case RedeemCoupon redeem -> 100L;
            case ConfirmOrder confirm -> new OrderOutcome("o-1", OrderStatus.CONFIRMED);
            default -> pending(command);
        });

        OrderOutcome outcome = place(TWO_LINES_WITH_COUPON);

        assertThat(outcome.status()).isEqualTo(OrderStatus.CONFIRMED);
        List<PricedLine> lines = List.of(new PricedLine("TEA", "tea", 2, 450), new PricedLine("BOBA", "tea", 1, 590));
        assertThat(commands.sent()).containsExactly(
                new PlaceOrder("o-1", "u1", TWO_LINES_WITH_COUPON.items(), "c-1", null),
                new ReserveStock("TEA", "o-1", 2),
                new ReserveStock("BOBA", "o-1", 1),
                new RedeemCoupon("c-1", "o-1", "u1", lines, NOW),
                new ConfirmOrder("o-1", lines, 100, NOW.plus(WINDOW)));
    }

    private static final OptionMenu MILK_TEA_OPTIONS = new OptionMenu(List.of(
            new OptionGroup("size", "Size", 1, 1, List.of(new Option("m", "Medium", 0, null),
                    new Option("l", "Large", 60, null))),
            new OptionGroup("toppings", "Toppings", 0, 3, List.of(new Option("pearls", "Pearls", 50, "PEARLS")))));
    private static final OrderRequest TWO_MILK_TEAS = OrderRequest.regular("o-1", "u1", List.of(
            new OrderItem("MILK-TEA", 2, Map.of("size", List.of("l"), "toppings", List.of("pearls"))),
            new OrderItem("MILK-TEA", 1, Map.of("size", List.of("m")))), null, NOW);

    @Test
    void each_line_is_priced_with_its_options_and_the_toppings_it_uses_are_held_too() {
        commands.answering(command -> switch (command) {
            case ReserveStock reserve when reserve.sku().equals("MILK-TEA") ->
                    new Reservation("MILK-TEA", reserve.quantity(), 500, "milk-tea", MILK_TEA_OPTIONS);
            case ReserveStock reserve -> new Reservation(reserve.sku(), reserve.quantity(), 0, "toppings");
            case ConfirmOrder confirm -> new OrderOutcome("o-1", OrderStatus.CONFIRMED);
            default -> pending(command);
        });

        place(TWO_MILK_TEAS);

        List<PricedLine> lines = List.of(
                new PricedLine("MILK-TEA", "milk-tea", 2, 610, List.of(
                        new ChosenOption("size", "l", "Large", 60, null),
                        new ChosenOption("toppings", "pearls", "Pearls", 50, "PEARLS"))),
                new PricedLine("MILK-TEA", "milk-tea", 1, 500, List.of(new ChosenOption("size", "m", "Medium", 0, null))));
        assertThat(commands.sent()).containsSubsequence(
                new ReserveStock("MILK-TEA", "o-1", 3),
                new ReserveStock("PEARLS", "o-1", 2, 0L),
                new ConfirmOrder("o-1", lines, 0, NOW.plus(WINDOW)));
    }

    @Test
    void when_a_topping_has_run_out_the_drinks_and_the_topping_are_released_and_the_order_rejected_naming_it() {
        commands.answering(command -> switch (command) {
            case ReserveStock reserve when reserve.sku().equals("MILK-TEA") ->
                    new Reservation("MILK-TEA", reserve.quantity(), 500, "milk-tea", MILK_TEA_OPTIONS);
            case ReserveStock reserve ->
                    throw new BusinessRuleViolation(ErrorCode.SOLD_OUT, "only 1 units available, 2 asked");
            case RejectOrder reject -> new OrderOutcome("o-1", OrderStatus.REJECTED);
            default -> pending(command);
        });

        OrderOutcome outcome = place(TWO_MILK_TEAS);

        assertThat(outcome.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(commands.sent()).endsWith(
                new ReleaseStock("MILK-TEA", "o-1"),
                new ReleaseStock("PEARLS", "o-1"),
                new RejectOrder("o-1", ErrorCode.SOLD_OUT, "option PEARLS: only 1 units available, 2 asked"));
    }

    @Test
    void choices_the_drink_does_not_offer_reject_the_order_as_invalid_and_hold_nothing() {
        OrderRequest noSize = OrderRequest.regular("o-1", "u1", List.of(
                new OrderItem("MILK-TEA", 1, Map.of("toppings", List.of("pearls")))), null, NOW);
        commands.answering(command -> switch (command) {
            case ReserveStock reserve -> new Reservation("MILK-TEA", reserve.quantity(), 500, "milk-tea",
                    MILK_TEA_OPTIONS);
            case RejectOrder reject -> new OrderOutcome("o-1", OrderStatus.REJECTED);
            default -> pending(command);
        });

        place(noSize);

        assertThat(commands.sent()).endsWith(
                new ReleaseStock("MILK-TEA", "o-1"),
                new RejectOrder("o-1", ErrorCode.VALIDATION_FAILED, "MILK-TEA: size: choose 1 of m, l"));
    }

    @Test
    void when_one_line_is_sold_out_every_line_is_released_and_the_order_rejected() {
        commands.answering(command -> switch (command) {
            case ReserveStock reserve when reserve.sku().equals("BOBA") ->
                    throw new BusinessRuleViolation(ErrorCode.SOLD_OUT, "only 0 units available, 1 asked");
            case ReserveStock reserve -> new Reservation(reserve.sku(), reserve.quantity(), 450, "tea");
            case RejectOrder reject -> new OrderOutcome("o-1", OrderStatus.REJECTED);
            default -> pending(command);
        });

        OrderOutcome outcome = place(TWO_LINES_WITH_COUPON);

        assertThat(outcome.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(commands.sent()).endsWith(
                new ReleaseStock("TEA", "o-1"),
                new ReleaseStock("BOBA", "o-1"),
                new RestoreCoupon("c-1", "o-1", NOW),
                new RejectOrder("o-1", ErrorCode.SOLD_OUT, "only 0 units available, 1 asked"));
        assertThat(commands.sent()).noneMatch(ConfirmOrder.class::isInstance);
    }

    @Test
    void a_coupon_that_does_not_apply_rejects_the_order_and_gives_the_stock_back() {
        commands.answering(command -> switch (command) {
            case ReserveStock reserve -> new Reservation(reserve.sku(), reserve.quantity(), 450, "tea");
            case RedeemCoupon redeem ->
                    throw new BusinessRuleViolation(ErrorCode.COUPON_NOT_APPLICABLE, "the coupon is used already");
            case RejectOrder reject -> new OrderOutcome("o-1", OrderStatus.REJECTED);
            default -> pending(command);
        });

        place(TWO_LINES_WITH_COUPON);

        assertThat(commands.sent()).contains(new ReleaseStock("TEA", "o-1"), new ReleaseStock("BOBA", "o-1"))
                .endsWith(new RejectOrder("o-1", ErrorCode.COUPON_NOT_APPLICABLE, "the coupon is used already"));
    }

    @Test
    void a_redelivered_request_of_a_settled_order_does_nothing_more() {
        commands.answering(command -> new OrderOutcome("o-1", OrderStatus.CONFIRMED));

        OrderOutcome outcome = place(TWO_LINES_WITH_COUPON);

        assertThat(outcome.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(commands.sent()).containsExactly(new PlaceOrder("o-1", "u1", TWO_LINES_WITH_COUPON.items(), "c-1", null));
    }

    @Test
    void a_late_duplicate_that_finds_the_order_settled_gives_back_what_it_held() {
        commands.answering(command -> switch (command) {
            case ReserveStock reserve -> new Reservation(reserve.sku(), reserve.quantity(), 450, "tea");
            case RedeemCoupon redeem -> 0L;
            case ConfirmOrder confirm -> new OrderOutcome("o-1", OrderStatus.REJECTED);
            default -> pending(command);
        });

        place(TWO_LINES_WITH_COUPON);

        assertThat(commands.sent()).endsWith(new ReleaseStock("TEA", "o-1"), new ReleaseStock("BOBA", "o-1"),
                new RestoreCoupon("c-1", "o-1", NOW));
    }

    @Test
    void an_infrastructure_failure_is_not_a_rejection_and_is_left_to_the_queue_to_retry() {
        commands.answering(command -> {
            if (command instanceof ReserveStock) {
                throw new IllegalStateException("database unreachable");
            }
            return pending(command);
        });

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> place(TWO_LINES_WITH_COUPON))
                .hasMessageContaining("database unreachable");
        assertThat(commands.sent()).noneMatch(RejectOrder.class::isInstance);
    }

    @Test
    void a_group_members_line_is_priced_at_the_group_price_plus_the_options_the_deal_allows_and_holds_its_toppings() {
        OrderRequest member = OrderRequest.groupBuy("o-1", "u1", "deal-1", "group-1",
                new OrderItem("MILK-TEA", 1, Map.of("toppings", List.of("pearls"))), 400, List.of("toppings"), NOW);
        commands.answering(command -> switch (command) {
            case ReserveStock reserve when reserve.sku().equals("MILK-TEA") ->
                    new Reservation("MILK-TEA", reserve.quantity(), reserve.unitPriceCents(), "milk-tea",
                            MILK_TEA_OPTIONS);
            case ReserveStock reserve -> new Reservation(reserve.sku(), reserve.quantity(), 0, "toppings");
            case ConfirmOrder confirm -> new OrderOutcome("o-1", OrderStatus.CONFIRMED);
            default -> pending(command);
        });

        place(member);

        List<PricedLine> lines = List.of(new PricedLine("MILK-TEA", "milk-tea", 1, 450,
                List.of(new ChosenOption("toppings", "pearls", "Pearls", 50, "PEARLS"))));
        assertThat(commands.sent()).containsSubsequence(
                new ReserveStock("MILK-TEA", "o-1", 1, 400L),
                new ReserveStock("PEARLS", "o-1", 1, 0L),
                new ConfirmOrder("o-1", lines, 0, NOW.plus(WINDOW)));
    }

    @Test
    void a_group_member_choosing_in_a_group_the_deal_does_not_allow_is_rejected_and_holds_nothing() {
        OrderRequest member = OrderRequest.groupBuy("o-1", "u1", "deal-1", "group-1",
                new OrderItem("MILK-TEA", 1, Map.of("size", List.of("l"))), 400, List.of("toppings"), NOW);
        commands.answering(command -> switch (command) {
            case ReserveStock reserve -> new Reservation("MILK-TEA", reserve.quantity(), 400, "milk-tea",
                    MILK_TEA_OPTIONS);
            case RejectOrder reject -> new OrderOutcome("o-1", OrderStatus.REJECTED);
            default -> pending(command);
        });

        assertThat(place(member).status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(commands.sent()).endsWith(new ReleaseStock("MILK-TEA", "o-1"), new RejectOrder("o-1",
                ErrorCode.VALIDATION_FAILED,
                "MILK-TEA: option group size is not offered under this deal (it offers: toppings)"));
    }
}
