package com.groupbuy.projections.maintenance;

import com.groupbuy.contract.RedisKeys;
import com.groupbuy.events.order.OrderConfirmed;
import com.groupbuy.events.order.OrderItem;
import com.groupbuy.events.order.OrderPaid;
import com.groupbuy.events.order.OrderPlaced;
import com.groupbuy.events.order.PricedLine;
import com.groupbuy.events.product.ProductRegistered;
import com.groupbuy.events.product.StockCommitted;
import com.groupbuy.events.product.StockReserved;
import com.groupbuy.projections.ProjectionsTestSupport;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.redisson.client.codec.StringCodec;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Rebuilds from Kafka against the real broker, PostgreSQL and Redis, while new events keep arriving. */
class ReadModelRebuildIT extends ProjectionsTestSupport {

    @Autowired
    MeterRegistry registry;

    private final String prefix = unique("rebuild");

    @Test
    void a_rebuild_during_new_events_ends_identical_to_the_live_model() throws Exception {
        for (int i = 0; i < 300; i++) {
            order(i);
        }
        awaitConsumedBy("orders");
        AtomicBoolean rebuilding = new AtomicBoolean(true);
        AtomicInteger during = new AtomicInteger();
        CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> {
            for (int i = 300; rebuilding.get() || i < 400; i++) {
                order(i);
                during.incrementAndGet();
            }
        });

        assertThat(call("POST", "/admin/projections/orders/rebuild").status()).isEqualTo(202);
        assertThat(call("POST", "/admin/projections/sales/rebuild").status()).isEqualTo(202);
        JsonNode status = awaitRebuilt("orders");
        JsonNode sales = awaitRebuilt("sales");
        rebuilding.set(false);
        stream.join();

        assertThat(sales.get("identical").asBoolean()).as("sales checksums at the switch: %s", sales).isTrue();

        assertThat(status.get("state").asString()).isEqualTo("DONE");
        assertThat(status.get("identical").asBoolean()).as("checksums at the switch: %s", status).isTrue();
        assertThat(status.get("rebuiltChecksum").get("checksum").asString())
                .isEqualTo(status.get("liveChecksum").get("checksum").asString());
        assertThat(status.get("rebuiltChecksum").get("rows").asLong()).isGreaterThanOrEqualTo(300 * 5);
        awaitConsumedBy("orders");
        assertThat(row("SELECT count(*) AS n, count(*) FILTER (WHERE status = 'PAID') AS paid FROM orders "
                + "WHERE order_id LIKE ?", prefix + "-%"))
                .containsEntry("n", (long) 300 + during.get()).containsEntry("paid", (long) 300 + during.get());
        assertThat(rows("SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND tablename = 'orders'"))
                .extracting(r -> r.get("indexname"))
                .contains("orders_pkey", "orders_by_user", "orders_by_user_and_status", "orders_by_status");
        assertThat(rows("SELECT nspname FROM pg_namespace WHERE nspname LIKE 'rebuild_%' OR nspname LIKE 'retired_%'"))
                .isEmpty();
    }

    @Test
    void a_flushed_redis_is_repaired_from_kafka() throws Exception {
        List<String> skus = List.of(unique("FLUSH"), unique("FLUSH"), unique("FLUSH"));
        for (String sku : skus) {
            publish(0, new ProductRegistered(sku, "Tea " + sku, "tea", 450, 20));
            publish(1, new StockReserved(sku, "o-1", 3, 450, "tea"));
            publish(2, new StockCommitted(sku, "o-1", 3));
        }
        awaitConsumedBy("product-cache");
        String before = call("GET", "/admin/projections/product-cache/checksum").body().get("checksum").asString();
        Map<String, Map<String, String>> contentBefore = productCache();
        String generationBefore = redis.<String>getBucket(RedisKeys.productCacheGeneration(), StringCodec.INSTANCE)
                .get();

        redis.getKeys().flushall();

        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            for (String sku : skus) {
                assertThat(cachedProduct(sku)).containsEntry("availableStock", "17").containsEntry("onHand", "17")
                        .containsEntry("reserved", "0").containsEntry("sequence", "2")
                        .containsEntry("name", "Tea " + sku);
            }
        });
        assertThat(redis.<String>getBucket(RedisKeys.productCacheGeneration(), StringCodec.INSTANCE).get())
                .isNotEqualTo(generationBefore);
        assertThat(productCache()).isEqualTo(contentBefore);
        assertThat(call("GET", "/admin/projections/product-cache/checksum").body().get("checksum").asString())
                .isEqualTo(before);
    }

    @Test
    void an_event_that_arrives_while_redis_is_empty_waits_for_the_repair_instead_of_becoming_a_dead_letter() {
        String sku = unique("WAIT");
        double deadLettersBefore = registry.get("groupbuy.projection.dead.letters").tag("projection", "product-cache")
                .counter().count();

        redis.getKeys().flushall();
        publish(0, new ProductRegistered(sku, "Oolong", "tea", 500, 8));

        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(cachedProduct(sku)).containsEntry("availableStock", "8").containsEntry("sequence", "0"));
        awaitConsumedBy("product-cache");
        assertThat(registry.get("groupbuy.projection.dead.letters").tag("projection", "product-cache").counter()
                .count()).isEqualTo(deadLettersBefore);
    }

    @Test
    void an_unknown_projection_is_404_problem_json() throws Exception {
        Answer answer = call("POST", "/admin/projections/nothing-like-it/rebuild");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("code").asString()).isEqualTo("NOT_FOUND");
    }

    /** Every product hash of the generation readers use, by the key's SKU part. */
    private Map<String, Map<String, String>> productCache() {
        long generation = Long.parseLong(redis.<String>getBucket(RedisKeys.productCacheGeneration(),
                StringCodec.INSTANCE).get());
        String prefix = RedisKeys.productsOf(generation);
        Map<String, Map<String, String>> content = new TreeMap<>();
        redis.getKeys().getKeysStreamByPattern(prefix + "*").forEach(key -> content.put(key.substring(prefix.length()),
                redis.<String, String>getMap(key, StringCodec.INSTANCE).readAllMap()));
        return content;
    }

    private JsonNode awaitRebuilt(String projection) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> call("GET", "/admin/projections/" + projection + "/rebuild").body(),
                        status -> !"RUNNING".equals(status.get("state").asString()));
    }

    /** Placed, confirmed and paid, as the relay publishes them. */
    private void order(int n) {
        String orderId = prefix + "-" + n;
        String sku = "REBUILD-" + (n % 7);
        Instant at = Instant.parse("2026-03-01T10:00:00Z").plusSeconds(n);
        List<PricedLine> lines = List.of(new PricedLine(sku, "tea", 1 + n % 3, 450));
        long total = lines.getFirst().lineTotalCents();
        publish(0, at, new OrderPlaced(orderId, "u-" + (n % 11), List.of(new OrderItem(sku, 1 + n % 3)), null, null));
        publish(1, at.plusSeconds(1), new OrderConfirmed(orderId, "u-" + (n % 11), lines, null, total, 0, total,
                at.plusSeconds(900)));
        publish(2, at.plusSeconds(60), new OrderPaid(orderId, "u-" + (n % 11), total, "pay-" + n, lines));
    }
}
