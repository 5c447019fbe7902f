package com.groupbuy.command.order.process;

import com.groupbuy.command.coupon.model.RestoreCoupon;
import com.groupbuy.command.product.model.CommitStock;
import com.groupbuy.command.product.model.ReleaseStock;
import com.groupbuy.command.product.model.ReturnStock;
import com.groupbuy.events.order.ChosenOption;
import com.groupbuy.events.order.OrderCancelled;
import com.groupbuy.events.order.OrderExpired;
import com.groupbuy.events.order.OrderItem;
import com.groupbuy.events.order.OrderPaid;
import com.groupbuy.events.order.OrderRefunded;
import com.groupbuy.events.order.OrderRejected;
import com.groupbuy.events.order.PricedLine;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OrderCompensationTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final List<PricedLine> LINES =
            List.of(new PricedLine("TEA", "tea", 2, 450), new PricedLine("BOBA", "milk-tea", 1, 590));

    private final ScriptedCommands commands = new ScriptedCommands().answering(command -> null);
    private final OrderCompensation compensation =
            new OrderCompensation(commands.gateway(), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void a_paid_order_sells_the_stock_it_held() {
        compensation.on(new OrderPaid("o-1", "u1", 1490, "pay-1", LINES));

        assertThat(commands.sent()).containsExactly(new CommitStock("TEA", "o-1"), new CommitStock("BOBA", "o-1"));
    }

    private static final ChosenOption PEARLS = new ChosenOption("toppings", "pearls", "Pearls", 50, "PEARLS");
    private static final List<PricedLine> MILK_TEAS_WITH_PEARLS = List.of(
            new PricedLine("MILK-TEA", "milk-tea", 2, 550, List.of(PEARLS)),
            new PricedLine("MILK-TEA", "milk-tea", 1, 550, List.of(PEARLS)));

    @Test
    void a_paid_order_sells_the_toppings_its_options_used_as_well_as_its_drinks() {
        compensation.on(new OrderPaid("o-1", "u1", 1650, "pay-1", MILK_TEAS_WITH_PEARLS));

        assertThat(commands.sent()).containsExactly(new CommitStock("MILK-TEA", "o-1"),
                new CommitStock("PEARLS", "o-1"));
    }

    @Test
    void a_refund_before_the_drinks_were_made_returns_every_unit_drinks_and_toppings_counted_per_product() {
        compensation.on(new OrderRefunded("o-1", "u1", 1650, OrderRefunded.REFUNDED_BY_SHOP, MILK_TEAS_WITH_PEARLS,
                null, null));

        assertThat(commands.sent()).containsExactly(new ReturnStock("MILK-TEA", "refund:o-1", 3),
                new ReturnStock("PEARLS", "refund:o-1", 3));
    }

    @Test
    void a_cancelled_order_releases_its_stock_and_restores_its_coupon() {
        compensation.on(new OrderCancelled("o-1", "u1", LINES, "c-1"));

        assertThat(commands.sent()).containsExactly(new ReleaseStock("TEA", "o-1"), new ReleaseStock("BOBA", "o-1"),
                new RestoreCoupon("c-1", "o-1", NOW));
    }

    @Test
    void an_expired_order_releases_its_stock_and_restores_its_coupon() {
        compensation.on(new OrderExpired("o-1", "u1", LINES, "c-1"));

        assertThat(commands.sent()).containsExactly(new ReleaseStock("TEA", "o-1"), new ReleaseStock("BOBA", "o-1"),
                new RestoreCoupon("c-1", "o-1", NOW));
    }

    @Test
    void a_rejected_order_gives_back_anything_it_may_still_hold() {
        compensation.on(new OrderRejected("o-1", "u1", "SOLD_OUT", "gone",
                List.of(new OrderItem("TEA", 2)), null));

        assertThat(commands.sent()).containsExactly(new ReleaseStock("TEA", "o-1"));
    }

    @Test
    void an_unknown_product_has_nothing_to_give_back() {
        ScriptedCommands unknown = new ScriptedCommands().answering(command -> {
            throw new AggregateNotFoundException("NOPE", "no such product");
        });

        new OrderCompensation(unknown.gateway(), Clock.fixed(NOW, ZoneOffset.UTC))
                .on(new OrderRejected("o-1", "u1", "NOT_FOUND", "unknown", List.of(new OrderItem("NOPE", 1)), null));

        assertThat(unknown.sent()).containsExactly(new ReleaseStock("NOPE", "o-1"));
    }
}
