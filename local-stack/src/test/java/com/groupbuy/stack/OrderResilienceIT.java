package com.groupbuy.stack;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The order queue and workers as processes: a worker killed with SIGKILL in the middle of a burst loses nothing
 * and doubles nothing once it is back.
 */
class OrderResilienceIT {

    private static final int ORDERS = 500;
    private static final int STOCK = 300;
    private static final int COUPON_HOLDERS = 40;

    private static LocalStack stack;
    private static final StackClient client = new StackClient();

    @BeforeAll
    static void startStack() throws Exception {
        Path logs = Path.of(System.getProperty("groupbuy.stack.logs", "target/stack-logs"), "resilience");
        stack = LocalStack.start(StackOptions.forTests(logs));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void a_worker_killed_mid_burst_loses_no_order_and_doubles_nothing() throws Exception {
        String admin = client.devToken(stack.apiUrl(), "admin-r", "admin");
        String sku = "BURST-" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(client.post(stack.apiUrl() + "/api/v1/products", admin, Map.of("sku", sku, "name", "Burst tea",
                "category", "tea", "priceCents", 400, "initialStock", STOCK)).status()).isEqualTo(201);
        String campaign = client.post(stack.apiUrl() + "/api/v1/coupon-campaigns", admin, Map.of(
                "type", "AMOUNT_OFF", "amountOffCents", 100, "totalQuantity", COUPON_HOLDERS, "perUserLimit", 1,
                "validFrom", "2020-01-01T00:00:00Z", "validUntil", "2099-01-01T00:00:00Z"))
                .body().get("campaignId").asString();

        List<Buyer> buyers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String user = "burst-user-" + i;
            String token = client.devToken(stack.apiUrl(), user, "customer");
            String coupon = i < COUPON_HOLDERS ? client.post(stack.apiUrl() + "/api/v1/coupon-campaigns/" + campaign
                    + "/claims", token, Map.of()).body().get("couponId").asString() : null;
            buyers.add(new Buyer(user, token, coupon));
        }

        List<String> orderIds = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger accepted = new AtomicInteger();
        try (ExecutorService senders = Executors.newFixedThreadPool(16)) {
            List<Future<?>> sends = new ArrayList<>();
            for (int i = 0; i < ORDERS; i++) {
                Buyer buyer = buyers.get(i % buyers.size());
                // each coupon holder uses the coupon on all of its orders: only one of them may get it
                Map<String, Object> body = buyer.coupon() == null
                        ? Map.of("items", List.of(Map.of("sku", sku, "quantity", 1)))
                        : Map.of("items", List.of(Map.of("sku", sku, "quantity", 1)), "couponId", buyer.coupon());
                String key = "burst-" + i;
                sends.add(senders.submit(() -> {
                    StackClient.Response response = placeUntilAccepted(buyer.token(), key, body);
                    orderIds.add(response.body().get("orderId").asString());
                    accepted.incrementAndGet();
                    return null;
                }));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> accepted.get() >= 150);
            stack.process("worker").kill();
            Thread.sleep(2_000);
            stack.process("worker").launch();
            stack.process("worker").awaitReady(Duration.ofMinutes(2));
            for (Future<?> send : sends) {
                send.get();
            }
        }
        assertThat(orderIds).hasSize(ORDERS).doesNotHaveDuplicates();

        EventStoreProbe store = new EventStoreProbe(stack);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() ->
                store.eventTypesOf(orderIds).values().stream().filter(OrderResilienceIT::isSettled).count() == ORDERS);
        Map<String, List<String>> orders = store.eventTypesOf(orderIds);

        assertThat(orders.values()).allSatisfy(types -> {
            assertThat(types).filteredOn("OrderPlaced"::equals).hasSize(1);
            assertThat(types.stream().filter(t -> t.equals("OrderConfirmed") || t.equals("OrderRejected")))
                    .hasSize(1);
        });
        long confirmed = orders.values().stream().filter(t -> t.contains("OrderConfirmed")).count();
        assertThat(confirmed).isEqualTo(STOCK);

        List<String> stockEvents = store.eventTypesOf(sku);
        long held = stockEvents.stream().filter("StockReserved"::equals).count()
                - stockEvents.stream().filter("StockReleased"::equals).count();
        assertThat(held).isEqualTo(confirmed);

        for (Buyer buyer : buyers.subList(0, COUPON_HOLDERS)) {
            List<String> couponEvents = store.eventTypesOf(buyer.coupon());
            long inUse = couponEvents.stream().filter("CouponRedeemed"::equals).count()
                    - couponEvents.stream().filter("CouponRestored"::equals).count();
            assertThat(inUse).isLessThanOrEqualTo(1);
        }

        String customer = buyers.getFirst().token();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                client.get(stack.queryUrl() + "/api/v1/products/" + sku, customer).body().get("availableStock").asInt())
                .isZero());
    }

    /**
     * The depth as the api exports it, and as a real Prometheus scraping the api answers the chart's own
     * prometheus-adapter query for the workers' HorizontalPodAutoscaler.
     */
    @Test
    void the_queue_depth_counts_the_orders_waiting_while_the_workers_are_down() throws Exception {
        String customer = client.devToken(stack.apiUrl(), "depth-user", "customer");
        String adapterQuery = LocalPrometheus.adapterQuery("groupbuy_order_queue_depth",
                "namespace=\"local\",topic=\"groupbuy.orders.requests\",consumergroup=\"groupbuy-order-workers\"");
        try (LocalPrometheus prometheus = LocalPrometheus.scraping(Map.of("api", stack.apiUrl()),
                Path.of("target", "prometheus-resilience"))) {
            await().atMost(Duration.ofMinutes(2)).until(() -> queueDepth() == 0);
            stack.process("worker").close();

            for (int i = 0; i < 40; i++) {
                assertThat(client.post(stack.apiUrl() + "/api/v1/orders", customer,
                        Map.of("items", List.of(Map.of("sku", "ANY-SKU", "quantity", 1)))).status()).isEqualTo(202);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> queueDepth() == 40);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(prometheus.query(adapterQuery)).as(adapterQuery).hasValue(40.0));

            stack.process("worker").launch();
            stack.process("worker").awaitReady(Duration.ofMinutes(2));
            await().atMost(Duration.ofMinutes(1)).until(() -> queueDepth() == 0);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(prometheus.query(adapterQuery)).as(adapterQuery).hasValue(0.0));
        }
    }

    /** {@code groupbuy_order_queue_depth} as Prometheus scrapes it from the api. */
    private static long queueDepth() throws Exception {
        String metrics = client.getText(stack.apiUrl() + "/actuator/prometheus");
        return metrics.lines()
                .filter(line -> line.startsWith("groupbuy_order_queue_depth{"))
                .peek(line -> assertThat(line).contains("consumergroup=\"groupbuy-order-workers\"",
                        "topic=\"groupbuy.orders.requests\""))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no groupbuy_order_queue_depth on the api"));
    }

    private static boolean isSettled(List<String> types) {
        return types.contains("OrderConfirmed") || types.contains("OrderRejected");
    }

    private static StackClient.Response placeUntilAccepted(String token, String key, Map<String, Object> body)
            throws Exception {
        for (int attempt = 0; ; attempt++) {
            StackClient.Response response = client.post(stack.apiUrl() + "/api/v1/orders", token, key, body);
            if (response.status() == 202 || attempt == 20) {
                assertThat(response.status()).isEqualTo(202);
                return response;
            }
            Thread.sleep(250);
        }
    }

    record Buyer(String userId, String token, String coupon) {
    }
}
