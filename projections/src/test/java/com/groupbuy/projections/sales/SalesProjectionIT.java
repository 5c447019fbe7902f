package com.groupbuy.projections.sales;

import com.groupbuy.events.order.OrderConfirmed;
import com.groupbuy.events.order.OrderExpired;
import com.groupbuy.events.order.OrderPaid;
import com.groupbuy.events.order.OrderPartiallyRefunded;
import com.groupbuy.events.order.OrderRefunded;
import com.groupbuy.events.order.PricedLine;
import com.groupbuy.projections.ProjectionsTestSupport;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Hourly sales per SKU, fed through the real broker into real PostgreSQL. */
class SalesProjectionIT extends ProjectionsTestSupport {

    private static final Instant TEN = Instant.parse("2026-03-01T10:00:00Z");
    private static final Instant ELEVEN = Instant.parse("2026-03-01T11:00:00Z");

    private final String tea = unique("TEA");
    private final String cake = unique("CAKE");

    @Test
    void paid_orders_add_to_the_hour_they_were_paid_in_with_their_discount_spread_over_the_lines() {
        List<PricedLine> first = List.of(new PricedLine(tea, "tea", 2, 500), new PricedLine(cake, "cake", 1, 400));
        pay(unique("o"), first, 140, TEN.plusSeconds(15 * 60));
        pay(unique("o"), List.of(new PricedLine(tea, "tea", 1, 500)), 0, TEN.plusSeconds(50 * 60));
        pay(unique("o"), List.of(new PricedLine(cake, "cake", 3, 400)), 0, ELEVEN.plusSeconds(5 * 60));
        String unpaid = unique("o");
        publish(1, TEN, new OrderConfirmed(unpaid, "u", first, null, 1400, 0, 1400, TEN.plusSeconds(900)));
        publish(2, TEN.plusSeconds(900), new OrderExpired(unpaid, "u", first, null));
        awaitConsumedBy("sales");

        assertThat(hourly()).extracting(r -> r.get("bucket_start"), r -> r.get("sku"), r -> r.get("orders"),
                        r -> r.get("units"), r -> r.get("gross_cents"), r -> r.get("discount_cents"),
                        r -> r.get("revenue_cents"))
                .containsExactlyInAnyOrder(
                        tuple(Timestamp.from(TEN), tea, 2, 3L, 1500L, 100L, 1400L),
                        tuple(Timestamp.from(TEN), cake, 1, 1L, 400L, 40L, 360L),
                        tuple(Timestamp.from(ELEVEN), cake, 1, 3L, 1200L, 0L, 1200L));
    }

    @Test
    void the_day_rows_hold_the_sums_of_the_days_hours() {
        List<PricedLine> lines = List.of(new PricedLine(tea, "tea", 2, 500), new PricedLine(cake, "cake", 1, 400));
        pay(unique("o"), lines, 140, TEN.plusSeconds(15 * 60));
        pay(unique("o"), List.of(new PricedLine(tea, "tea", 1, 500)), 0, ELEVEN.plusSeconds(50 * 60));
        pay(unique("o"), List.of(new PricedLine(tea, "tea", 1, 500)), 0, TEN.plus(java.time.Duration.ofDays(1)));
        awaitConsumedBy("sales");

        assertThat(rows("SELECT * FROM sales_daily WHERE sku IN (?, ?)", tea, cake))
                .extracting(r -> r.get("bucket_start"), r -> r.get("sku"), r -> r.get("orders"), r -> r.get("units"),
                        r -> r.get("discount_cents"), r -> r.get("revenue_cents"))
                .containsExactlyInAnyOrder(
                        tuple(Timestamp.from(Instant.parse("2026-03-01T00:00:00Z")), tea, 2, 3L, 100L, 1400L),
                        tuple(Timestamp.from(Instant.parse("2026-03-01T00:00:00Z")), cake, 1, 1L, 40L, 360L),
                        tuple(Timestamp.from(Instant.parse("2026-03-02T00:00:00Z")), tea, 1, 1L, 0L, 500L));
    }

    @Test
    void a_refunded_order_is_taken_back_out_of_the_hour_it_was_paid_in_once() {
        List<PricedLine> refundedLines = List.of(new PricedLine(tea, "tea", 2, 500));
        String refunded = unique("o");
        pay(refunded, refundedLines, 100, TEN.plusSeconds(10 * 60));
        pay(unique("o"), List.of(new PricedLine(tea, "tea", 1, 500)), 0, TEN.plusSeconds(20 * 60));
        OrderRefunded refund = new OrderRefunded(refunded, "u", 900, "GROUP_FAILED", refundedLines, null, null);
        publish(3, ELEVEN.plusSeconds(30 * 60), refund);
        publish(3, ELEVEN.plusSeconds(30 * 60), refund);
        awaitConsumedBy("sales");

        assertThat(hourly()).extracting(r -> r.get("bucket_start"), r -> r.get("orders"), r -> r.get("units"),
                        r -> r.get("gross_cents"), r -> r.get("discount_cents"), r -> r.get("revenue_cents"))
                .containsExactly(tuple(Timestamp.from(TEN), 1, 1L, 500L, 0L, 500L));
        assertThat(rows("SELECT orders, revenue_cents FROM sales_daily WHERE sku = ?", tea))
                .extracting(r -> r.get("orders"), r -> r.get("revenue_cents"))
                .containsExactly(tuple(1, 500L));
    }

    @Test
    void a_partial_refund_comes_off_the_revenue_of_the_hour_paid_in_once_and_a_full_refund_after_takes_the_rest() {
        List<PricedLine> lines = List.of(new PricedLine(tea, "tea", 2, 500), new PricedLine(cake, "cake", 1, 500));
        String order = unique("o");
        pay(order, lines, 0, TEN.plusSeconds(10 * 60));
        OrderPartiallyRefunded partly = new OrderPartiallyRefunded(order, "u", 300, 300, "spilt", "PAID", lines);
        publish(3, ELEVEN, partly);
        publish(3, ELEVEN, partly);
        awaitConsumedBy("sales");

        assertThat(hourly()).extracting(r -> r.get("sku"), r -> r.get("orders"), r -> r.get("units"),
                        r -> r.get("gross_cents"), r -> r.get("revenue_cents"))
                .containsExactlyInAnyOrder(tuple(tea, 1, 2L, 1000L, 800L), tuple(cake, 1, 1L, 500L, 400L));

        publish(4, ELEVEN.plusSeconds(60), new OrderRefunded(order, "u", 1200, OrderRefunded.REFUNDED_BY_SHOP, lines,
                null, null, "all of it", true));
        awaitConsumedBy("sales");

        assertThat(hourly()).extracting(r -> r.get("sku"), r -> r.get("orders"), r -> r.get("units"),
                        r -> r.get("gross_cents"), r -> r.get("revenue_cents"))
                .containsExactlyInAnyOrder(tuple(tea, 0, 0L, 0L, 0L), tuple(cake, 0, 0L, 0L, 0L));
    }

    @Test
    void a_redelivered_payment_is_counted_once() {
        String orderId = unique("o");
        List<PricedLine> lines = List.of(new PricedLine(tea, "tea", 1, 500), new PricedLine(tea, "tea", 1, 500));
        OrderConfirmed confirmed = new OrderConfirmed(orderId, "u", lines, "c", 1000, 100, 900, TEN.plusSeconds(900));
        OrderPaid paid = new OrderPaid(orderId, "u", 900, "pay", lines);
        publish(1, TEN, confirmed);
        publish(2, TEN.plusSeconds(60), paid);
        publish(2, TEN.plusSeconds(60), paid);
        publish(1, TEN, confirmed);
        publish(2, TEN.plusSeconds(60), paid);
        awaitConsumedBy("sales");

        assertThat(hourly()).extracting(r -> r.get("orders"), r -> r.get("units"), r -> r.get("discount_cents"),
                        r -> r.get("revenue_cents"))
                .containsExactly(tuple(1, 2L, 100L, 900L));
    }

    private void pay(String orderId, List<PricedLine> lines, long discountCents, Instant paidAt) {
        long subtotal = lines.stream().mapToLong(PricedLine::lineTotalCents).sum();
        publish(1, paidAt.minusSeconds(60), new OrderConfirmed(orderId, "u", lines, null, subtotal, discountCents,
                subtotal - discountCents, paidAt.plusSeconds(900)));
        publish(2, paidAt, new OrderPaid(orderId, "u", subtotal - discountCents, "pay-" + orderId, lines));
    }

    private List<Map<String, Object>> hourly() {
        return rows("SELECT * FROM sales_hourly WHERE sku IN (?, ?)", tea, cake);
    }
}
