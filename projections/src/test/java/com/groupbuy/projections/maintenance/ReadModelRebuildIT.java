package com.groupbuy.projections.maintenance;

import com.groupbuy.contract.RedisKeys;
import com.groupbuy.events.flashsale.FlashSaleEnded;
import com.groupbuy.events.flashsale.FlashSaleScheduled;
import com.groupbuy.events.flashsale.FlashSaleUnitsReserved;
import com.groupbuy.events.flashsale.FlashSaleUnitsReturned;
import com.groupbuy.events.groupbuy.GroupCompleted;
import com.groupbuy.events.groupbuy.GroupFailed;
import com.groupbuy.events.groupbuy.GroupMemberJoined;
import com.groupbuy.events.groupbuy.GroupMemberPaid;
import com.groupbuy.events.groupbuy.GroupOpened;
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
    void flushed_flash_sale_and_group_caches_are_repaired_from_kafka() throws Exception {
        String saleId = unique("sale");
        String deal = unique("deal");
        String completed = unique("group");
        String failed = unique("group");
        String open = unique("group");
        aSaleAndAGroupBuy(saleId, deal, completed, failed, open);
        String salesBefore = checksum("flash-sale-cache");
        String groupsBefore = checksum("group-cache");
        Map<String, Map<String, String>> salesContent = flashSaleCache();
        Map<String, Map<String, String>> groupsContent = groupCache();
        Long salesGeneration = generationOf(RedisKeys.flashSaleCacheGeneration());
        Long groupsGeneration = generationOf(RedisKeys.groupCacheGeneration());

        redis.getKeys().flushall();

        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertCachedSaleAndGroups(saleId, deal, completed, failed, open));
        assertThat(generationOf(RedisKeys.flashSaleCacheGeneration())).isNotEqualTo(salesGeneration);
        assertThat(generationOf(RedisKeys.groupCacheGeneration())).isNotEqualTo(groupsGeneration);
        assertThat(flashSaleCache()).isEqualTo(salesContent);
        assertThat(groupCache()).isEqualTo(groupsContent);
        assertThat(checksum("flash-sale-cache")).isEqualTo(salesBefore);
        assertThat(checksum("group-cache")).isEqualTo(groupsBefore);
    }

    @Test
    void a_rebuild_of_the_flash_sale_and_group_caches_swaps_in_a_new_identical_generation_and_drops_the_old()
            throws Exception {
        String saleId = unique("sale");
        String deal = unique("deal");
        String completed = unique("group");
        String failed = unique("group");
        String open = unique("group");
        aSaleAndAGroupBuy(saleId, deal, completed, failed, open);
        Long salesGeneration = generationOf(RedisKeys.flashSaleCacheGeneration());
        Long groupsGeneration = generationOf(RedisKeys.groupCacheGeneration());
        Map<String, Map<String, String>> groupsContent = groupCache();

        startRebuild("flash-sale-cache");
        startRebuild("group-cache");
        JsonNode sales = awaitRebuilt("flash-sale-cache");
        JsonNode groups = awaitRebuilt("group-cache");

        for (JsonNode status : List.of(sales, groups)) {
            assertThat(status.get("state").asString()).as("%s", status).isEqualTo("DONE");
            assertThat(status.get("identical").asBoolean()).as("checksums at the switch: %s", status).isTrue();
            assertThat(status.get("rebuiltChecksum").get("rows").asLong()).isPositive();
        }
        assertThat(generationOf(RedisKeys.flashSaleCacheGeneration())).isNotEqualTo(salesGeneration);
        assertThat(generationOf(RedisKeys.groupCacheGeneration())).isNotEqualTo(groupsGeneration);
        assertCachedSaleAndGroups(saleId, deal, completed, failed, open);
        assertThat(groupCache()).isEqualTo(groupsContent);
        eventually(() -> {
            assertThat(redisContent(RedisKeys.flashSalesOf(salesGeneration))).isEmpty();
            assertThat(redisContent(RedisKeys.groupCacheOf(groupsGeneration))).isEmpty();
        });
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
        return redisContent(RedisKeys.productsOf(generationOf(RedisKeys.productCacheGeneration())));
    }

    /** Every flash-sale hash of the generation readers use, by the key's sale id part. */
    private Map<String, Map<String, String>> flashSaleCache() {
        return redisContent(RedisKeys.flashSalesOf(generationOf(RedisKeys.flashSaleCacheGeneration())));
    }

    /** Every group hash and status set of the generation readers use, by the key's part after the generation. */
    private Map<String, Map<String, String>> groupCache() {
        return redisContent(RedisKeys.groupCacheOf(generationOf(RedisKeys.groupCacheGeneration())));
    }

    private String checksum(String projection) throws Exception {
        return call("GET", "/admin/projections/" + projection + "/checksum").body().get("checksum").asString();
    }

    /**
     * A sale that sold, took units back and ended, and a deal with a completed, a failed and an open group; waits
     * until both caches show the last event of each.
     */
    private void aSaleAndAGroupBuy(String saleId, String deal, String completed, String failed, String open) {
        Instant start = Instant.parse("2026-06-01T10:00:00Z");
        String sku = unique("MANGO");
        publish(0, start.minusSeconds(60), new FlashSaleScheduled(saleId, sku, "ice", 199, 10, 2, start,
                start.plusSeconds(3600)));
        publish(1, start.plusSeconds(1), new FlashSaleUnitsReserved(saleId, "o1", "ann", 2, 8));
        publish(2, start.plusSeconds(2), new FlashSaleUnitsReturned(saleId, sku, "o1", "ann", 2, 10, 0));
        publish(3, start.plusSeconds(3), new FlashSaleUnitsReserved(saleId, "o2", "bob", 1, 9));
        publish(4, start.plusSeconds(3600), new FlashSaleEnded(saleId, sku, 9, 9));
        Instant at = Instant.parse("2026-12-01T12:00:00Z");
        publish(0, at, new GroupOpened(completed, deal, "TEA", 300, 2, "u1", at, at.plusSeconds(600)));
        publish(1, at, new GroupMemberJoined(completed, deal, "u1", "o-1", 1));
        publish(2, at, new GroupMemberJoined(completed, deal, "u2", "o-2", 2));
        publish(3, at, new GroupMemberPaid(completed, deal, "u1", "o-1", 1));
        publish(4, at, new GroupMemberPaid(completed, deal, "u2", "o-2", 2));
        publish(5, at, new GroupCompleted(completed, deal, List.of("o-1", "o-2")));
        publish(0, at, new GroupOpened(failed, deal, "TEA", 300, 2, "u3", at, at.plusSeconds(660)));
        publish(1, at, new GroupMemberJoined(failed, deal, "u3", "o-3", 1));
        publish(2, at, new GroupFailed(failed, deal, 2, List.of(), List.of("o-3")));
        publish(0, at, new GroupOpened(open, deal, "TEA", 300, 2, "u4", at, at.plusSeconds(720)));
        publish(1, at, new GroupMemberJoined(open, deal, "u4", "o-4", 1));
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertCachedSaleAndGroups(saleId, deal, completed, failed, open));
    }

    private void assertCachedSaleAndGroups(String saleId, String deal, String completed, String failed,
                                           String open) {
        Long sales = generationOf(RedisKeys.flashSaleCacheGeneration());
        Long groups = generationOf(RedisKeys.groupCacheGeneration());
        assertThat(sales).as("flash-sale cache generation").isNotNull();
        assertThat(groups).as("group cache generation").isNotNull();
        assertThat(redis.<String, String>getMap(RedisKeys.flashSale(sales, saleId), StringCodec.INSTANCE)
                .readAllMap()).containsEntry("remaining", "0").containsEntry("ended", "true")
                .containsEntry("quantity", "10").containsEntry("sequence", "4");
        assertThat(redis.<String, String>getMap(RedisKeys.group(groups, completed), StringCodec.INSTANCE)
                .readAllMap()).containsEntry("status", "COMPLETED").containsEntry("paidMembers", "2")
                .containsEntry("sequence", "5");
        assertThat(redis.<String, String>getMap(RedisKeys.group(groups, open), StringCodec.INSTANCE)
                .readAllMap()).containsEntry("status", "OPEN").containsEntry("members", "1")
                .containsEntry("sequence", "1");
        assertThat(redis.<String>getScoredSortedSet(RedisKeys.groupsOf(groups, deal, "OPEN"), StringCodec.INSTANCE)
                .readAll()).containsExactly(open);
        assertThat(redis.<String>getScoredSortedSet(RedisKeys.groupsOf(groups, deal, "COMPLETED"),
                StringCodec.INSTANCE).readAll()).containsExactly(completed);
        assertThat(redis.<String>getScoredSortedSet(RedisKeys.groupsOf(groups, deal, "FAILED"),
                StringCodec.INSTANCE).readAll()).containsExactly(failed);
    }

    /** Starts a rebuild, once a repair that another test's flush started (409 meanwhile) has finished. */
    private void startRebuild(String projection) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(
                () -> call("POST", "/admin/projections/" + projection + "/rebuild").status(), status -> status == 202);
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
