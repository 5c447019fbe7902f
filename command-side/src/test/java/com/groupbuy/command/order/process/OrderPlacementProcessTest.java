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
import com.groupbuy.command.product.model.ReleaseStock;
import com.groupbuy.command.product.model.ReserveStock;
import com.groupbuy.command.product.model.Reservation;
import com.groupbuy.contract.ErrorCode;
import com.groupbuy.events.order.OrderItem;
import com.groupbuy.events.order.PricedLine;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

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
}
