package com.groupbuy.projections.flashsales;

import com.groupbuy.contract.RedisKeys;
import com.groupbuy.events.flashsale.FlashSaleEnded;
import com.groupbuy.events.flashsale.FlashSaleScheduled;
import com.groupbuy.events.groupbuy.HappyHours;
import com.groupbuy.events.flashsale.FlashSaleUnitsReserved;
import com.groupbuy.events.flashsale.FlashSaleUnitsReturned;
import com.groupbuy.events.order.OrderConfirmed;
import com.groupbuy.events.order.OrderExpired;
import com.groupbuy.events.order.OrderItem;
import com.groupbuy.events.order.OrderPaid;
import com.groupbuy.events.order.OrderPlaced;
import com.groupbuy.events.order.OrderRejected;
import com.groupbuy.events.order.PricedLine;
import com.groupbuy.events.order.Promotion;
import com.groupbuy.projections.ProjectionsTestSupport;
import org.junit.jupiter.api.Test;
import org.redisson.client.codec.StringCodec;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The flash-sale cache (Redis) and analytics (PostgreSQL), fed through the real broker. */
class FlashSaleProjectionsIT extends ProjectionsTestSupport {

    private static final Instant START = Instant.parse("2026-06-01T10:00:00Z");
    private static final Instant END = Instant.parse("2026-06-01T11:00:00Z");

    private final String saleId = unique("sale");
    private final String sku = unique("MANGO");

    @Test
    void the_cached_sale_follows_the_sales_own_remaining_units_and_ignores_redelivered_events() {
        FlashSaleUnitsReserved first = new FlashSaleUnitsReserved(saleId, "o1", "ann", 2, 8);
        publish(0, START.minusSeconds(60), scheduled(10));
        publish(1, START.plusSeconds(1), first);
        publish(2, START.plusSeconds(2), new FlashSaleUnitsReserved(saleId, "o2", "bob", 1, 7));
        publish(1, START.plusSeconds(1), first);
        publish(3, START.plusSeconds(3), new FlashSaleUnitsReturned(saleId, sku, "o1", "ann", 2, 9, 0));
        publish(4, START.plusSeconds(4), new FlashSaleUnitsReserved(saleId, "o3", "cat", 2, 7));
        awaitConsumedBy("flash-sale-cache", "flash-sale-stats");

        Map<String, String> cached = cachedSale();
        assertThat(cached).containsEntry("remaining", "7").containsEntry("ended", "false")
                .containsEntry("sku", sku).containsEntry("priceCents", "199").containsEntry("quantity", "10")
                .containsEntry("perUserLimit", "2").containsEntry("startsAt", START.toString())
                .containsEntry("endsAt", END.toString()).containsEntry("sequence", "4");
        Map<String, Object> stats = stats();
        assertThat(stats).containsEntry("admitted", 3).containsEntry("units_reserved", 5)
                .containsEntry("units_returned", 2).containsEntry("remaining", 7).containsEntry("quantity", 10);
    }

    @Test
    void an_ended_sale_has_nothing_left_to_sell() {
        publish(0, START.minusSeconds(60), scheduled(10));
        publish(1, START.plusSeconds(1), new FlashSaleUnitsReserved(saleId, "o1", "ann", 2, 8));
        publish(2, END, new FlashSaleEnded(saleId, sku, 8, 8));
        publish(3, END.plusSeconds(5), new FlashSaleUnitsReturned(saleId, sku, "o1", "ann", 2, 0, 10));
        awaitConsumedBy("flash-sale-cache", "flash-sale-stats");

        assertThat(cachedSale()).containsEntry("remaining", "0").containsEntry("ended", "true");
        assertThat(stats()).containsEntry("remaining", 0).containsEntry("returned_to_product", 10)
                .containsEntry("units_returned", 2);
        assertThat(stats().get("ended_at")).isNotNull();
    }

    @Test
    void the_sales_orders_are_counted_by_how_they_ended_once_each() {
        publish(0, START.minusSeconds(60), scheduled(10));
        String paid = unique("o");
        String expired = unique("o");
        String rejected = unique("o");
        placeAndConfirm(paid, 2);
        placeAndConfirm(expired, 1);
        OrderPaid payment = new OrderPaid(paid, "ann", 398, "pay-1", lines(2), flashSale());
        publish(2, START.plusSeconds(30), payment);
        publish(2, START.plusSeconds(30), payment);
        publish(2, START.plusSeconds(600), new OrderExpired(expired, "ann", lines(1), null, flashSale()));
        publish(0, START.plusSeconds(5), new OrderPlaced(rejected, "bob", items(1), null, flashSale()));
        publish(1, START.plusSeconds(6), new OrderRejected(rejected, "bob", "SOLD_OUT", "sold out", items(1), null,
                flashSale()));
        String regular = unique("o");
        publish(0, START, new OrderPlaced(regular, "ann", items(1), null));
        publish(1, START, new OrderConfirmed(regular, "ann", lines(1), null, 199, 0, 199, END));
        awaitConsumedBy("flash-sale-stats");

        assertThat(stats()).containsEntry("placed", 3).containsEntry("confirmed", 2).containsEntry("paid", 1)
                .containsEntry("expired", 1).containsEntry("rejected", 1).containsEntry("cancelled", 0)
                .containsEntry("units_sold", 2).containsEntry("revenue_cents", 398L);
        assertThat(rows("SELECT order_id, status FROM flash_sale_order WHERE flash_sale_id = ?", saleId))
                .extracting(r -> r.get("order_id") + ":" + r.get("status"))
                .containsExactlyInAnyOrder(paid + ":PAID", expired + ":EXPIRED", rejected + ":REJECTED");
    }

    private void placeAndConfirm(String orderId, int units) {
        publish(0, START.plusSeconds(5), new OrderPlaced(orderId, "ann", items(units), null, flashSale()));
        publish(1, START.plusSeconds(6), new OrderConfirmed(orderId, "ann", lines(units), null, 199L * units, 0,
                199L * units, START.plusSeconds(906), flashSale()));
    }

    @Test
    void a_sale_with_happy_hours_keeps_them_as_scheduled() {
        publish(0, START.minusSeconds(60), new FlashSaleScheduled(saleId, sku, "ice", 199, 10, 2, START, END,
                new HappyHours(List.of(DayOfWeek.FRIDAY), "22:00", "02:00", "Asia/Taipei")));
        awaitConsumedBy("flash-sale-stats");

        assertThat(stats().get("happy_hours")).isEqualTo(
                "{\"days\":[\"FRIDAY\"],\"from\":\"22:00\",\"to\":\"02:00\",\"timeZone\":\"Asia/Taipei\"}");
    }

    private FlashSaleScheduled scheduled(int quantity) {
        return new FlashSaleScheduled(saleId, sku, "ice", 199, quantity, 2, START, END);
    }

    private Promotion flashSale() {
        return Promotion.flashSale(saleId);
    }

    private List<OrderItem> items(int units) {
        return List.of(new OrderItem(sku, units));
    }

    private List<PricedLine> lines(int units) {
        return List.of(new PricedLine(sku, "ice", units, 199));
    }

    /** The sale's hash in the generation of the flash-sale cache that readers use (empty while there is none). */
    private Map<String, String> cachedSale() {
        Long generation = generationOf(RedisKeys.flashSaleCacheGeneration());
        if (generation == null) {
            return Map.of();
        }
        return redis.<String, String>getMap(RedisKeys.flashSale(generation, saleId), StringCodec.INSTANCE)
                .readAllMap();
    }

    private Map<String, Object> stats() {
        return row("SELECT * FROM flash_sale_stats WHERE flash_sale_id = ?", saleId);
    }
}
