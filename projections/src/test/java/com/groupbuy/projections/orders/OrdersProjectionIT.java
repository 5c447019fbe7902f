package com.groupbuy.projections.orders;

import com.groupbuy.events.order.ChosenOption;
import com.groupbuy.events.order.OrderConfirmed;
import com.groupbuy.events.order.OrderExpired;
import com.groupbuy.events.order.OrderGroupCompleted;
import com.groupbuy.events.order.OrderItem;
import com.groupbuy.events.order.OrderPaid;
import com.groupbuy.events.order.OrderPartiallyRefunded;
import com.groupbuy.events.order.OrderRefunded;
import com.groupbuy.events.order.OrderPickedUp;
import com.groupbuy.events.order.OrderPlaced;
import com.groupbuy.events.order.OrderPreparationStarted;
import com.groupbuy.events.order.OrderReadyForPickup;
import com.groupbuy.events.order.OrderRejected;
import com.groupbuy.events.order.PricedLine;
import com.groupbuy.events.order.Promotion;
import com.groupbuy.events.product.ProductRegistered;
import com.groupbuy.events.product.StockReleased;
import com.groupbuy.events.product.StockReserved;
import com.groupbuy.projections.ProjectionsTestSupport;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The orders read model, fed through the real broker into real PostgreSQL (and Redis for the stock). */
class OrdersProjectionIT extends ProjectionsTestSupport {

    private final String orderId = unique("order");
    private final String userId = unique("user");
    private final String tea = unique("TEA");
    private final String cake = unique("CAKE");

    @Test
    void a_placed_order_is_pending_with_its_lines_as_asked_until_it_is_priced() {
        publish(0, placed(null));

        eventually(() -> {
            assertThat(order()).containsEntry("status", "PENDING").containsEntry("user_id", userId)
                    .containsEntry("subtotal_cents", null).containsEntry("last_sequence", 0L);
            assertThat(lines()).extracting(l -> l.get("sku"), l -> l.get("quantity"), l -> l.get("unit_price_cents"))
                    .containsExactly(tuple(tea, 2, null), tuple(cake, 1, null));
        });
    }

    @Test
    void a_lines_options_show_as_asked_then_as_priced_and_one_drink_may_be_on_two_lines_made_differently() {
        publish(0, new OrderPlaced(orderId, userId, List.of(
                new OrderItem(tea, 1, Map.of("size", List.of("l"), "toppings", List.of("pearls"))),
                new OrderItem(tea, 1, Map.of())), null));

        eventually(() -> assertThat(lines()).extracting(l -> l.get("sku"), l -> l.get("options")).containsExactly(
                tuple(tea, "[{\"group\":\"size\",\"code\":\"l\"},{\"group\":\"toppings\",\"code\":\"pearls\"}]"),
                tuple(tea, "[]")));

        publish(1, new OrderConfirmed(orderId, userId, List.of(
                new PricedLine(tea, "tea", 1, 560, List.of(new ChosenOption("size", "l", "Large", 60, null))),
                new PricedLine(tea, "tea", 1, 500)), null, 1060, 0, 1060, Instant.now().plusSeconds(900)));

        eventually(() -> assertThat(lines()).extracting(l -> l.get("unit_price_cents"), l -> l.get("options"))
                .containsExactly(tuple(560L, "[{\"group\":\"size\",\"code\":\"l\",\"name\":\"Large\","
                        + "\"priceDeltaCents\":60,\"stockSku\":null}]"), tuple(500L, "[]")));
    }

    @Test
    void partial_refunds_add_up_and_a_full_refund_counts_the_whole_total() {
        publish(0, placed(null));
        publish(1, confirmed(null, 0));
        publish(2, new OrderPaid(orderId, userId, 1400, "pay-1", pricedLines()));
        publish(3, new OrderPartiallyRefunded(orderId, userId, 200, 200, "cold", "PAID", pricedLines()));
        publish(4, new OrderPartiallyRefunded(orderId, userId, 100, 300, "late", "PAID", pricedLines()));

        eventually(() -> assertThat(order()).containsEntry("status", "PAID").containsEntry("refunded_cents", 300L)
                .containsEntry("reason_detail", "late"));

        publish(5, new OrderRefunded(orderId, userId, 1100, OrderRefunded.REFUNDED_BY_SHOP, pricedLines(), null,
                null, "gave up", false));

        eventually(() -> assertThat(order()).containsEntry("status", "REFUNDED")
                .containsEntry("refunded_cents", 1400L));
    }

    @Test
    void an_order_placed_confirmed_and_paid_shows_its_whole_life() {
        publish(0, placed("coupon-1"));
        publish(1, confirmed("coupon-1", 200));
        publish(2, new OrderPaid(orderId, userId, 1200, "pay-77", pricedLines()));

        eventually(() -> assertThat(order()).containsEntry("status", "PAID").containsEntry("last_sequence", 2L));
        assertThat(order()).containsEntry("subtotal_cents", 1400L).containsEntry("discount_cents", 200L)
                .containsEntry("total_cents", 1200L).containsEntry("coupon_id", "coupon-1")
                .containsEntry("payment_ref", "pay-77");
        assertThat(order().get("paid_at")).isNotNull();
        assertThat(order().get("payment_due_at")).isNotNull();
        assertThat(lines()).extracting(l -> l.get("sku"), l -> l.get("category"), l -> l.get("quantity"),
                        l -> l.get("unit_price_cents"))
                .containsExactly(tuple(tea, "tea", 2, 450L), tuple(cake, "cake", 1, 500L));
        assertThat(timeline()).extracting(t -> t.get("sequence"), t -> t.get("event_type"), t -> t.get("status"))
                .containsExactly(tuple(0L, "OrderPlaced", "PENDING"), tuple(1L, "OrderConfirmed", "CONFIRMED"),
                        tuple(2L, "OrderPaid", "PAID"));
    }

    @Test
    void a_paid_group_order_reaches_the_counter_when_its_group_completes_and_leaves_it_when_picked_up() {
        Promotion group = Promotion.groupBuy("deal-1", "group-1");
        Instant collectBy = Instant.parse("2026-12-06T12:30:00Z");
        publish(0, new OrderPlaced(orderId, userId, List.of(new OrderItem(tea, 2)), null, group));
        publish(1, new OrderConfirmed(orderId, userId, pricedLines(), null, 1400, 0, 1400,
                Instant.now().plus(15, ChronoUnit.MINUTES), group));
        publish(2, new OrderPaid(orderId, userId, 1400, "pay-g", pricedLines(), group));
        awaitConsumedBy("orders");
        assertThat(order()).containsEntry("status", "PAID").containsEntry("to_prepare_since", null);

        publish(3, new OrderGroupCompleted(orderId, userId, "group-1"));
        publish(4, new OrderPreparationStarted(orderId, userId, "barista"));
        publish(5, new OrderReadyForPickup(orderId, userId, "barista", collectBy));
        eventually(() -> assertThat(order()).containsEntry("status", "READY"));
        assertThat(order().get("to_prepare_since")).isNotNull();
        assertThat(((java.sql.Timestamp) order().get("collect_by")).toInstant()).isEqualTo(collectBy);

        publish(6, new OrderPickedUp(orderId, userId, "barista"));
        eventually(() -> assertThat(order()).containsEntry("status", "PICKED_UP"));
        assertThat(timeline()).extracting(t -> t.get("status")).containsExactly("PENDING", "CONFIRMED", "PAID",
                "PAID", "PREPARING", "READY", "PICKED_UP");
    }

    @Test
    void a_regular_order_can_be_prepared_from_its_payment() {
        publish(0, placed(null));
        publish(1, confirmed(null, 0));
        publish(2, new OrderPaid(orderId, userId, 1400, "pay-r", pricedLines()));

        eventually(() -> assertThat(order()).containsEntry("status", "PAID"));
        assertThat(order().get("to_prepare_since")).isEqualTo(order().get("paid_at"));
    }

    @Test
    void a_rejected_order_keeps_its_reason() {
        publish(0, placed(null));
        publish(1, new OrderRejected(orderId, userId, "SOLD_OUT", "Only 1 unit of " + tea + " left",
                List.of(new OrderItem(tea, 2), new OrderItem(cake, 1)), null));

        eventually(() -> assertThat(order()).containsEntry("status", "REJECTED")
                .containsEntry("reason", "SOLD_OUT")
                .containsEntry("reason_detail", "Only 1 unit of " + tea + " left"));
        assertThat(order()).containsEntry("total_cents", null);
        assertThat(timeline()).extracting(t -> t.get("event_type")).containsExactly("OrderPlaced", "OrderRejected");
    }

    @Test
    void a_redelivered_order_event_changes_nothing() {
        publish(0, placed(null));
        publish(0, placed(null));
        publish(1, confirmed(null, 0));
        publish(0, placed(null));
        publish(1, confirmed(null, 0));
        publish(2, new OrderPaid(orderId, userId, 1400, "pay-1", pricedLines()));
        publish(2, new OrderPaid(orderId, userId, 1400, "pay-1", pricedLines()));
        publish(1, confirmed(null, 0));
        publish(0, placed(null));
        awaitConsumedBy("orders");

        assertThat(order()).containsEntry("status", "PAID").containsEntry("last_sequence", 2L);
        assertThat(lines()).hasSize(2);
        assertThat(timeline()).extracting(t -> t.get("sequence")).containsExactly(0L, 1L, 2L);
    }

    @Test
    void an_order_that_expires_unpaid_releases_its_stock() {
        publish(0, new ProductRegistered(tea, "Milk tea", "tea", 450, 10));
        publish(0, placed(null));
        publish(1, new StockReserved(tea, orderId, 2, 450, "tea"));
        publish(1, confirmed(null, 0));

        eventually(() -> {
            assertThat(order()).containsEntry("status", "CONFIRMED");
            assertThat(cachedProduct(tea)).containsEntry("availableStock", "8").containsEntry("reserved", "2");
        });

        publish(2, new OrderExpired(orderId, userId, pricedLines(), null));
        publish(2, new StockReleased(tea, orderId, 2));

        eventually(() -> {
            assertThat(order()).containsEntry("status", "EXPIRED").containsEntry("last_sequence", 2L);
            assertThat(cachedProduct(tea)).containsEntry("availableStock", "10").containsEntry("reserved", "0")
                    .containsEntry("onHand", "10");
        });
    }

    private OrderPlaced placed(String couponId) {
        return new OrderPlaced(orderId, userId, List.of(new OrderItem(tea, 2), new OrderItem(cake, 1)), couponId);
    }

    private OrderConfirmed confirmed(String couponId, long discountCents) {
        return new OrderConfirmed(orderId, userId, pricedLines(), couponId, 1400, discountCents,
                1400 - discountCents, Instant.now().plus(15, ChronoUnit.MINUTES));
    }

    private List<PricedLine> pricedLines() {
        return List.of(new PricedLine(tea, "tea", 2, 450), new PricedLine(cake, "cake", 1, 500));
    }

    private Map<String, Object> order() {
        return row("SELECT * FROM orders WHERE order_id = ?", orderId);
    }

    private List<Map<String, Object>> lines() {
        return rows("SELECT * FROM order_line WHERE order_id = ? ORDER BY line_no", orderId);
    }

    private List<Map<String, Object>> timeline() {
        return rows("SELECT * FROM order_timeline WHERE order_id = ? ORDER BY sequence", orderId);
    }
}
