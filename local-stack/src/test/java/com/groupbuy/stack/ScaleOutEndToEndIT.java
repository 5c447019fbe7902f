package com.groupbuy.stack;

import com.groupbuy.stack.Storefront.Customer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The system scaled out: two api processes behind the api endpoint's balancer and three workers, each its own JVM,
 * driven over HTTP only. Whichever process handles a command must decide on the aggregate's latest state: a group
 * fills one paying member at a time and a lonely one fails, the last units are sold once, cancellations give stock
 * and coupons back, and restocks during a burst add up.
 *
 * <p>Three scenarios disturb the stack and run last, in this order: Redis is flushed under a flash sale (the apis
 * rebuild their gate from the sale), a worker is added and another killed mid-burst, and the workers restart with a
 * short payment window for unpaid orders to expire (the others need the default window: their orders stay
 * CONFIRMED while they look).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScaleOutEndToEndIT {

    private static final int APIS = 2;
    private static final int WORKERS = 3;
    private static final Duration READ_SIDE = Duration.ofSeconds(90);
    /** command-side's default {@code groupbuy.order-queue.partitions}. */
    private static final int ORDER_QUEUE_PARTITIONS = 12;
    private static final long LONELY_GROUP_WINDOW_SECONDS = 5;
    /** How long a request is sent again while an api answers 429 or 503 (e.g. while its flash-sale gate syncs). */
    private static final Duration OVERLOAD_PATIENCE = Duration.ofSeconds(60);

    private static final int FLUSHES_REDIS = Order.DEFAULT + 1;
    private static final int CHANGES_THE_WORKERS = Order.DEFAULT + 2;
    private static final int RESTARTS_THE_WORKERS = Order.DEFAULT + 3;
    /**
     * The crowd endpoints' rate limit per customer (as configured by default), over a window of a minute rather than a
     * second, so that a test's burst surely falls into one window.
     */
    private static final int RATE_LIMIT = 20;
    /** The payment window the workers restart with for the expiries (the default is 15 minutes). */
    private static final Duration PAYMENT_WINDOW = Duration.ofSeconds(15);

    /**
     * The rebalance burst: orders of one or two lines over one product per order queue partition, one sent every
     * {@code BURST_PACE}; together they ask for more than the stock.
     */
    private static final int BURST = 200;
    private static final int BURST_STOCK = 12;
    private static final Duration BURST_PACE = Duration.ofMillis(100);

    private static LocalStack stack;
    /** Through the api endpoint with a connection per request: consecutive requests reach the apis in turn. */
    private static final StackClient balanced = StackClient.withNewConnectionPerRequest();
    /** Kept-alive connections: reads, and calls to one process by its own address. */
    private static final StackClient client = new StackClient();
    private static String admin;
    private static Storefront storefront;

    @BeforeAll
    static void startStack() throws Exception {
        Path logs = Path.of(System.getProperty("groupbuy.stack.logs", "target/stack-logs"), "scale-out");
        long starting = System.nanoTime();
        stack = LocalStack.start(StackOptions.forTests(logs).withProcesses(APIS, WORKERS)
                .withArguments("--groupbuy.rate-limit.requests=" + RATE_LIMIT, "--groupbuy.rate-limit.window=1m"));
        System.out.printf("ScaleOutEndToEndIT: %d apis and %d workers ready in %d s (logs in %s)%n", APIS, WORKERS,
                Duration.ofNanos(System.nanoTime() - starting).toSeconds(), logs);
        admin = client.devToken(stack.apiUrl(), "admin-scale", "admin");
        storefront = new Storefront(stack);
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void the_api_endpoint_hands_new_connections_to_each_api_process_in_turn() throws Exception {
        assertThat(stack.apiUrls()).hasSize(APIS).doesNotContain(stack.apiUrl());
        assertThat(stack.workerCount()).isEqualTo(WORKERS);
        List<Long> before = tokensIssuedByEachApi();

        for (int i = 0; i < 10; i++) {
            balanced.devToken(stack.apiUrl(), "spread-" + i, "customer");
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            List<Long> after = tokensIssuedByEachApi();
            for (int api = 0; api < APIS; api++) {
                assertThat(after.get(api) - before.get(api)).as(stack.apiUrls().get(api)).isEqualTo(5);
            }
        });
    }

    @Test
    void the_workers_share_the_partitions_of_the_order_queue() {
        awaitWorkersSharingThePartitions();
    }

    @Test
    void a_group_of_three_fills_one_paying_member_at_a_time_and_completes_at_the_group_price() throws Exception {
        String sku = product("FILL", 600, 20);
        String deal = groupBuy(sku, 450, 3, 600);
        List<Customer> members = customers("fill", 3);

        StackClient.Response opened = balanced.post(stack.apiUrl() + "/api/v1/group-buys/" + deal + "/groups",
                members.getFirst().token(), Map.of());
        assertThat(opened.status()).as("opening: %s", opened.body()).isEqualTo(202);
        String groupId = opened.body().get("groupId").asString();
        List<PlacedOrder> orders = new ArrayList<>();
        orders.add(new PlacedOrder(opened.body().get("orderId").asString(), members.getFirst()));
        payAndAwaitPaid(orders.getFirst(), 450);
        awaitPaidMembers(deal, groupId, 1);

        for (Customer member : members.subList(1, 3)) {
            StackClient.Response joined = balanced.post(stack.apiUrl() + "/api/v1/group-buys/" + deal + "/groups/"
                    + groupId + "/members", member.token(), Map.of());
            assertThat(joined.status()).as("%s joining: %s", member.userId(), joined.body()).isEqualTo(202);
            PlacedOrder order = new PlacedOrder(joined.body().get("orderId").asString(), member);
            orders.add(order);
            payAndAwaitPaid(order, 450);
            if (orders.size() < 3) {
                awaitPaidMembers(deal, groupId, orders.size());
            }
        }

        await().atMost(READ_SIDE).untilAsserted(() -> {
            JsonNode group = group(deal, "COMPLETED", groupId);
            assertThat(group).as("group %s among the COMPLETED ones", groupId).isNotNull();
            assertThat(group.get("members").asInt()).isEqualTo(3);
            assertThat(group.get("paidMembers").asInt()).isEqualTo(3);
        });
        for (PlacedOrder order : orders) {
            JsonNode view = order(order);
            assertThat(view.get("status").asString()).isEqualTo("PAID");
            assertThat(view.get("totalCents").asLong()).isEqualTo(450);
        }
    }

    @Test
    void a_group_nobody_joins_fails_when_its_window_ends_and_its_paid_opener_is_refunded() throws Exception {
        String sku = product("LONELY", 500, 5);
        String deal = groupBuy(sku, 300, 3, LONELY_GROUP_WINDOW_SECONDS);
        Customer opener = customers("lonely", 1).getFirst();

        Instant opening = Instant.now();
        StackClient.Response opened = balanced.post(stack.apiUrl() + "/api/v1/group-buys/" + deal + "/groups",
                opener.token(), Map.of());
        assertThat(opened.status()).as("opening: %s", opened.body()).isEqualTo(202);
        String groupId = opened.body().get("groupId").asString();
        PlacedOrder order = new PlacedOrder(opened.body().get("orderId").asString(), opener);
        awaitStatus(order, "CONFIRMED");
        StackClient.Response paid = pay(order, 300);
        assertThat(paid.status()).as("paying %s after the group opened: %s",
                Duration.between(opening, Instant.now()), paid.body()).isEqualTo(202);

        await().atMost(READ_SIDE).untilAsserted(() -> {
            JsonNode group = group(deal, "FAILED", groupId);
            assertThat(group).as("group %s among the FAILED ones", groupId).isNotNull();
            assertThat(group.get("members").asInt()).isEqualTo(1);
            assertThat(order(order).get("status").asString()).isEqualTo("REFUNDED");
            assertThat(availableStock(sku)).isEqualTo(5);
        });
    }

    @Test
    void forty_customers_order_the_last_ten_units_at_once_and_exactly_ten_get_one() throws Exception {
        String sku = product("LAST-TEN", 400, 10);
        List<Customer> crowd = customers("crowd", 40);

        List<PlacedOrder> orders = orderAtOnce(crowd, sku, List.of());

        Map<String, JsonNode> settled = awaitSettled(orders);
        assertThat(settled.values()).filteredOn(view -> hasStatus(view, "CONFIRMED"))
                .hasSize(10);
        assertThat(settled.values()).filteredOn(view -> hasStatus(view, "REJECTED"))
                .hasSize(30)
                .allSatisfy(view -> assertThat(view.get("reason").asString()).isEqualTo("SOLD_OUT"));
        await().atMost(READ_SIDE).untilAsserted(() -> assertThat(availableStock(sku)).isZero());
    }

    @Test
    void orders_cancelled_through_the_other_api_give_back_their_stock_and_their_coupons() throws Exception {
        String sku = product("CANCEL", 480, 10);
        String campaign = couponCampaign(100, 4);
        List<Customer> customers = customers("cancel", 4);
        List<String> apis = stack.apiUrls();

        List<PlacedOrder> orders = new ArrayList<>();
        List<String> coupons = new ArrayList<>();
        for (int i = 0; i < customers.size(); i++) {
            Customer customer = customers.get(i);
            coupons.add(claimCoupon(apis.get(i % APIS), customer, campaign));
            orders.add(placeOrder(apis.get(i % APIS), customer, sku, 2, coupons.getLast()));
        }
        for (PlacedOrder order : orders) {
            JsonNode confirmed = awaitStatus(order, "CONFIRMED");
            assertThat(confirmed.get("discountCents").asLong()).isEqualTo(100);
            assertThat(confirmed.get("totalCents").asLong()).isEqualTo(2 * 480 - 100);
        }
        await().atMost(READ_SIDE).untilAsserted(() -> assertThat(availableStock(sku)).isEqualTo(2));

        for (int i = 0; i < orders.size(); i++) {
            String otherApi = apis.get((i + 1) % APIS);
            StackClient.Response cancelled = client.post(otherApi + "/api/v1/orders/" + orders.get(i).orderId()
                    + "/cancellation", orders.get(i).customer().token(), Map.of());
            assertThat(cancelled.status()).as("cancel at %s: %s", otherApi, cancelled.body()).isEqualTo(202);
        }
        for (PlacedOrder order : orders) {
            awaitStatus(order, "CANCELLED");
        }
        await().atMost(READ_SIDE).untilAsserted(() -> assertThat(availableStock(sku)).isEqualTo(10));

        List<PlacedOrder> again = new ArrayList<>();
        for (int i = 0; i < customers.size(); i++) {
            again.add(placeOrder(apis.get(i % APIS), customers.get(i), sku, 1, coupons.get(i)));
        }
        for (int i = 0; i < again.size(); i++) {
            JsonNode confirmed = awaitStatus(again.get(i), "CONFIRMED");
            assertThat(confirmed.get("couponId").asString()).isEqualTo(coupons.get(i));
            assertThat(confirmed.get("discountCents").asLong()).isEqualTo(100);
        }
        await().atMost(READ_SIDE).untilAsserted(() -> assertThat(availableStock(sku)).isEqualTo(6));
    }

    @Test
    void restocks_through_both_apis_while_the_workers_reserve_add_up() throws Exception {
        int initial = 10;
        int restock = 5;
        String sku = product("RESTOCK", 400, initial);
        List<Customer> crowd = customers("restock", 30);
        List<Callable<StackClient.Response>> restocks = stack.apiUrls().stream()
                .<Callable<StackClient.Response>>map(api -> () -> client.post(api + "/api/v1/products/" + sku
                        + "/stock", admin, Map.of("delta", restock)))
                .toList();

        List<PlacedOrder> orders = orderAtOnce(crowd, sku, restocks);

        Map<String, JsonNode> settled = awaitSettled(orders);
        long confirmed = settled.values().stream()
                .filter(view -> hasStatus(view, "CONFIRMED")).count();
        assertThat(confirmed).isBetween((long) initial, (long) initial + APIS * restock);
        assertThat(settled.values()).filteredOn(view -> hasStatus(view, "REJECTED"))
                .hasSize(crowd.size() - (int) confirmed)
                .allSatisfy(view -> assertThat(view.get("reason").asString()).isEqualTo("SOLD_OUT"));
        await().atMost(READ_SIDE).untilAsserted(() ->
                assertThat(availableStock(sku)).isEqualTo(initial + APIS * restock - confirmed));
    }

    @Test
    @Order(FLUSHES_REDIS)
    void after_a_redis_flush_the_apis_rebuild_the_flash_sale_gate_from_the_sale_and_sell_no_unit_twice()
            throws Exception {
        int quantity = 10;
        int perUserLimit = 2;
        String sku = product("GATE", 500, 20);
        String sale = flashSale(sku, 250, quantity, perUserLimit);
        List<Customer> buyers = customers("gate", 8);
        Customer upToTheLimit = buyers.getFirst();
        Customer once = buyers.get(1);
        List<String> apis = stack.apiUrls();
        Instant now = Instant.now();
        String offHours = flashSale(product("HAPPY", 500, 20), 250, 5, 1,
                HappyHours.everyDayUtc(now.plus(Duration.ofHours(2)), now.plus(Duration.ofHours(3))));
        Customer atNight = customers("happy", 1).getFirst();
        assertRefused(buy(apis.get(0), atNight, offHours, 1), "NOT_STARTED");

        List<PlacedOrder> orders = new ArrayList<>(List.of(
                purchase(apis.get(0), upToTheLimit, sale, perUserLimit),
                purchase(apis.get(1), once, sale, 1),
                purchase(apis.get(0), buyers.get(2), sale, 1),
                purchase(apis.get(1), buyers.get(3), sale, 1)));
        assertRefused(buy(apis.get(1), upToTheLimit, sale, 1), "LIMIT_REACHED");
        for (PlacedOrder order : orders) {
            awaitStatus(order, "CONFIRMED");
        }
        long repairsBefore = gateRepairs();

        flushRedis();

        assertRefused(buy(apis.get(0), upToTheLimit, sale, 1), "LIMIT_REACHED");
        orders.add(purchase(apis.get(1), once, sale, 1));
        assertRefused(buy(apis.get(0), once, sale, 1), "LIMIT_REACHED");
        List<Customer> crowd = buyers.subList(2, buyers.size());
        List<Callable<StackClient.Response>> purchases = new ArrayList<>();
        for (int i = 0; i < crowd.size(); i++) {
            String api = apis.get(i % APIS);
            Customer buyer = crowd.get(i);
            purchases.add(() -> buy(api, buyer, sale, 1));
        }
        List<StackClient.Response> answers = atOnce(purchases);
        int unitsLeft = quantity - (perUserLimit + 3) - 1;
        assertThat(answers).filteredOn(answer -> answer.status() == 202).hasSize(unitsLeft);
        assertThat(answers).filteredOn(answer -> answer.status() != 202).hasSize(crowd.size() - unitsLeft)
                .allSatisfy(answer -> assertRefused(answer, "SOLD_OUT"));
        for (int i = 0; i < answers.size(); i++) {
            if (answers.get(i).status() == 202) {
                orders.add(new PlacedOrder(answers.get(i).body().get("orderId").asString(), crowd.get(i)));
            }
        }

        Map<String, Integer> unitsByBuyer = new HashMap<>();
        for (PlacedOrder order : orders) {
            JsonNode confirmed = awaitStatus(order, "CONFIRMED");
            unitsByBuyer.merge(order.customer().userId(), confirmed.get("lines").get(0).get("quantity").asInt(),
                    Integer::sum);
        }
        assertThat(unitsByBuyer.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(quantity);
        assertThat(unitsByBuyer).containsEntry(upToTheLimit.userId(), perUserLimit)
                .containsEntry(once.userId(), perUserLimit)
                .allSatisfy((buyer, units) -> assertThat(units).as(buyer).isLessThanOrEqualTo(perUserLimit));
        // the happy-hour sale's gate, rebuilt by the other api, keeps its hours: still closed, nothing sold
        await().atMost(OVERLOAD_PATIENCE).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertRefused(buy(apis.get(1), atNight, offHours, 1), "NOT_STARTED"));
        assertThat(gateRepairs() - repairsBefore).as("gate repairs by the apis, one per sale").isEqualTo(2);
        await().atMost(READ_SIDE).untilAsserted(() -> assertThat(flashSaleRemaining(sale)).isZero());
        assertThat(flashSaleRemaining(offHours)).isEqualTo(5);
    }

    @Test
    void one_customers_purchases_through_both_apis_count_against_one_rate_limit_on_each_sale() throws Exception {
        String sale = flashSale(product("RATE", 300, 100), 150, 60, 99);
        String otherSale = flashSale(product("RATE-OTHER", 300, 10), 150, 5, 5);
        Customer eager = customers("rate", 1).getFirst();
        List<String> apis = stack.apiUrls();
        awaitAtLeastOfTheRateWindowLeft(Duration.ofSeconds(20));

        List<StackClient.Response> answers = new ArrayList<>();
        for (int i = 0; i < RATE_LIMIT + 6; i++) {
            // no Idempotency-Key: the crowd path, answered ahead of the security chain
            answers.add(client.post(apis.get(i % APIS) + "/api/v1/flash-sales/" + sale + "/orders", eager.token(),
                    Map.of("quantity", 1)));
        }
        StackClient.Response elsewhere = client.post(apis.get(1) + "/api/v1/flash-sales/" + otherSale + "/orders",
                eager.token(), Map.of("quantity", 1));

        assertThat(answers.subList(0, RATE_LIMIT)).allSatisfy(answer ->
                assertThat(answer.status()).as(answer.body().toString()).isEqualTo(202));
        assertThat(answers.subList(RATE_LIMIT, answers.size())).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.body().toString()).isEqualTo(429);
            assertThat(answer.body().get("code").asString()).isEqualTo("RATE_LIMITED");
            assertThat(Long.parseLong(answer.retryAfter())).isBetween(1L, 60L);
        });
        assertThat(elsewhere.status()).as("another sale counts apart: " + elsewhere.body()).isEqualTo(202);
        for (StackClient.Response admitted : answers.subList(0, RATE_LIMIT)) {
            awaitStatus(new PlacedOrder(admitted.body().get("orderId").asString(), eager), "CONFIRMED");
        }
        await().atMost(READ_SIDE).untilAsserted(() ->
                assertThat(flashSaleRemaining(sale)).isEqualTo(60 - RATE_LIMIT));
    }

    /** Waits, if need be, for the next rate window (a minute, aligned to the clock) to leave at least {@code left}. */
    private static void awaitAtLeastOfTheRateWindowLeft(Duration left) throws InterruptedException {
        long intoWindow = System.currentTimeMillis() % Duration.ofMinutes(1).toMillis();
        long remaining = Duration.ofMinutes(1).toMillis() - intoWindow;
        if (remaining < left.toMillis()) {
            Thread.sleep(remaining + 100);
        }
    }

    @Test
    @Order(CHANGES_THE_WORKERS)
    void a_worker_added_and_another_killed_mid_burst_leave_every_order_settled_and_every_unit_accounted_for()
            throws Exception {
        // one product per partition of the order queue (orders are keyed by their first product), so that whichever
        // partitions the added worker gets, orders reach it
        List<String> skus = new ArrayList<>();
        for (String sku : skusCoveringEveryPartition("REBALANCE")) {
            skus.add(register(sku, 300, BURST_STOCK));
        }
        List<Customer> crowd = customers("rebalance", 20);
        List<Map<String, Integer>> asked = new ArrayList<>();
        List<PlacedOrder> orders = new ArrayList<>();
        ServiceProcess added = null;
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<PlacedOrder>> sending = new ArrayList<>();
            // a tenth in, a fourth worker starts; three tenths in, worker-2 dies; the last three tenths are sent once
            // the new worker has joined (in between, orders keep flowing to the two original workers left)
            for (int i = 0; i < BURST; i++) {
                if (i == BURST / 10) {
                    added = stack.addWorker();
                } else if (i == BURST * 3 / 10) {
                    stack.kill(ServiceProcess.nameOf("worker", 2));
                } else if (i == BURST * 7 / 10) {
                    awaitPartitionsOf(added);
                }
                Map<String, Integer> lines = new LinkedHashMap<>();
                lines.put(skus.get(i % skus.size()), 1);
                if (i % 2 == 0) {
                    lines.put(skus.get((i + 1) % skus.size()), 1);
                }
                asked.add(lines);
                Customer customer = crowd.get(i % crowd.size());
                sending.add(senders.submit(() -> placeOrder(stack.apiUrl(), customer, lines, null)));
                Thread.sleep(BURST_PACE);
            }
            for (Future<PlacedOrder> order : sending) {
                orders.add(order.get());
            }
        }
        assertThat(stack.workerCount()).isEqualTo(WORKERS);
        assertThat(stack.workerUrls()).contains(added.baseUrl());
        awaitWorkersSharingThePartitions();

        Map<String, JsonNode> settled = awaitSettled(orders);
        assertThat(metric(added.baseUrl(), "groupbuy_commands_total{", "command=\"PlaceOrder\""))
                .as("orders placed by the added worker").isPositive();
        assertThat(settled.values()).filteredOn(view -> hasStatus(view, "REJECTED"))
                .isNotEmpty()
                .allSatisfy(view -> assertThat(view.get("reason").asString()).isEqualTo("SOLD_OUT"));
        EventStoreProbe store = new EventStoreProbe(stack);
        Map<String, List<String>> stored = store.eventTypesOf(orders.stream().map(PlacedOrder::orderId).toList());
        assertThat(stored).hasSize(BURST);
        assertThat(stored.values()).allSatisfy(types -> {
            assertThat(types).filteredOn("OrderPlaced"::equals).hasSize(1);
            assertThat(types).filteredOn(type -> type.equals("OrderConfirmed") || type.equals("OrderRejected"))
                    .hasSize(1);
        });

        for (String sku : skus) {
            Map<String, Integer> confirmedUnits = new HashMap<>();
            for (int i = 0; i < BURST; i++) {
                if (hasStatus(settled.get(orders.get(i).orderId()), "CONFIRMED") && asked.get(i).containsKey(sku)) {
                    confirmedUnits.put(orders.get(i).orderId(), asked.get(i).get(sku));
                }
            }
            assertThat(unitsHeldByOrder(store, sku)).as("units of %s held by each order", sku)
                    .isEqualTo(confirmedUnits);
            int sold = confirmedUnits.values().stream().mapToInt(Integer::intValue).sum();
            await().atMost(READ_SIDE).untilAsserted(() -> assertThat(availableStock(sku)).as(sku)
                    .isEqualTo(BURST_STOCK - sold));
        }
    }

    @Test
    @Order(RESTARTS_THE_WORKERS)
    void unpaid_orders_and_flash_sale_purchases_expire_and_give_back_stock_coupons_and_sale_units() throws Exception {
        stack.restartWorkers("--groupbuy.orders.payment-window=" + PAYMENT_WINDOW.toSeconds() + "s");
        String sku = product("EXPIRE", 500, 10);
        String saleSku = product("EXPIRE-SALE", 500, 10);
        int units = 4;
        String sale = flashSale(saleSku, 200, units, 1);
        String campaign = couponCampaign(100, units);
        List<Customer> customers = customers("expire", units);
        Customer latecomer = customers("expire-late", 1).getFirst();
        List<String> apis = stack.apiUrls();

        List<String> coupons = new ArrayList<>();
        List<PlacedOrder> couponOrders = new ArrayList<>();
        List<PlacedOrder> purchases = new ArrayList<>();
        for (int i = 0; i < units; i++) {
            Customer customer = customers.get(i);
            coupons.add(claimCoupon(apis.get(i % APIS), customer, campaign));
            couponOrders.add(placeOrder(apis.get(i % APIS), customer, sku, 2, coupons.getLast()));
            purchases.add(purchase(apis.get((i + 1) % APIS), customer, sale, 1));
        }
        assertRefused(buy(stack.apiUrl(), latecomer, sale, 1), "SOLD_OUT");

        for (PlacedOrder order : couponOrders) {
            JsonNode expired = awaitExpiredAfterConfirmation(order);
            assertThat(expired.get("discountCents").asLong()).isEqualTo(100);
        }
        for (PlacedOrder purchase : purchases) {
            assertThat(awaitExpiredAfterConfirmation(purchase).get("totalCents").asLong()).isEqualTo(200);
        }
        await().atMost(READ_SIDE).untilAsserted(() -> {
            assertThat(availableStock(sku)).isEqualTo(10);
            assertThat(availableStock(saleSku)).isEqualTo(10 - units);
            assertThat(flashSaleRemaining(sale)).isEqualTo(units);
        });

        for (int i = 0; i < units; i++) {
            PlacedOrder again = placeOrder(apis.get((i + 1) % APIS), customers.get(i), sku, 1, coupons.get(i));
            JsonNode confirmed = awaitConfirmation(again);
            assertThat(confirmed.get("couponId").asString()).isEqualTo(coupons.get(i));
            assertThat(confirmed.get("discountCents").asLong()).isEqualTo(100);
        }
        for (int i = 0; i < units; i++) {
            String api = apis.get(i % APIS);
            Customer customer = customers.get(i);
            await().atMost(READ_SIDE).untilAsserted(() -> assertThat(buy(api, customer, sale, 1).status())
                    .as("%s buying again once the gate has its unit back", customer.userId()).isEqualTo(202));
        }
        assertRefused(buy(stack.apiUrl(), latecomer, sale, 1), "SOLD_OUT");
    }


    private record PlacedOrder(String orderId, Customer customer) {
    }

    private static List<Customer> customers(String prefix, int count) throws Exception {
        return storefront.customers(prefix, count);
    }

    private static String product(String prefix, long priceCents, int initialStock) throws Exception {
        return register(prefix + "-" + UUID.randomUUID().toString().substring(0, 6), priceCents, initialStock);
    }

    /**
     * New skus, one for each partition of the order queue: the first product of an order is its key there, and the
     * producer's default partitioner puts a key on murmur2(key) modulo the partitions.
     */
    private static List<String> skusCoveringEveryPartition(String prefix) {
        Map<Integer, String> byPartition = new TreeMap<>();
        while (byPartition.size() < ORDER_QUEUE_PARTITIONS) {
            String sku = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
            int partition = Utils.toPositive(Utils.murmur2(sku.getBytes(StandardCharsets.UTF_8)))
                    % ORDER_QUEUE_PARTITIONS;
            byPartition.putIfAbsent(partition, sku);
        }
        return List.copyOf(byPartition.values());
    }

    private static String register(String sku, long priceCents, int initialStock) throws Exception {
        StackClient.Response created = balanced.post(stack.apiUrl() + "/api/v1/products", admin, Map.of("sku", sku,
                "name", "Scale-out tea", "category", "tea", "priceCents", priceCents, "initialStock", initialStock));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        await().atMost(READ_SIDE).untilAsserted(() -> assertThat(availableStock(sku)).isEqualTo(initialStock));
        return sku;
    }

    private static String groupBuy(String sku, long groupPriceCents, int groupSize, long windowSeconds)
            throws Exception {
        Instant now = Instant.now();
        StackClient.Response deal = balanced.post(stack.apiUrl() + "/api/v1/group-buys", admin, Map.of("sku", sku,
                "groupPriceCents", groupPriceCents, "groupSize", groupSize, "windowSeconds", windowSeconds,
                "startsAt", now.minusSeconds(1).toString(), "endsAt", now.plusSeconds(3600).toString()));
        assertThat(deal.status()).as(deal.body().toString()).isEqualTo(201);
        return deal.body().get("groupBuyId").asString();
    }

    private static String couponCampaign(long amountOffCents, int quantity) throws Exception {
        StackClient.Response campaign = balanced.post(stack.apiUrl() + "/api/v1/coupon-campaigns", admin, Map.of(
                "type", "AMOUNT_OFF", "amountOffCents", amountOffCents, "totalQuantity", quantity,
                "perUserLimit", 1, "validFrom", "2020-01-01T00:00:00Z", "validUntil", "2099-01-01T00:00:00Z"));
        assertThat(campaign.status()).as(campaign.body().toString()).isEqualTo(201);
        return campaign.body().get("campaignId").asString();
    }

    private static String claimCoupon(String apiUrl, Customer customer, String campaign) throws Exception {
        StackClient.Response claimed = client.post(apiUrl + "/api/v1/coupon-campaigns/" + campaign + "/claims",
                customer.token(), Map.of());
        assertThat(claimed.status()).as("claim at %s: %s", apiUrl, claimed.body()).isEqualTo(201);
        return claimed.body().get("couponId").asString();
    }

    /** A flash sale of {@code quantity} units of {@code sku}, open from now for an hour. */
    private static String flashSale(String sku, long priceCents, int quantity, int perUserLimit) throws Exception {
        return flashSale(sku, priceCents, quantity, perUserLimit, null);
    }

    /** A sale open from now for an hour; with {@code happyHours} (the contract's shape), only within them. */
    private static String flashSale(String sku, long priceCents, int quantity, int perUserLimit,
                                    Map<String, Object> happyHours) throws Exception {
        Instant now = Instant.now();
        Map<String, Object> body = new HashMap<>(Map.of("sku", sku, "priceCents", priceCents, "quantity", quantity,
                "perUserLimit", perUserLimit, "startsAt", now.minusSeconds(1).toString(),
                "endsAt", now.plusSeconds(3600).toString()));
        if (happyHours != null) {
            body.put("happyHours", happyHours);
        }
        StackClient.Response sale = balanced.post(stack.apiUrl() + "/api/v1/flash-sales", admin, body);
        assertThat(sale.status()).as(sale.body().toString()).isEqualTo(201);
        String flashSaleId = sale.body().get("flashSaleId").asString();
        await().atMost(READ_SIDE).untilAsserted(() -> assertThat(flashSaleRemaining(flashSaleId)).isEqualTo(quantity));
        return flashSaleId;
    }

    /**
     * Every customer orders one unit of {@code sku} through the api endpoint at the same moment, together with
     * {@code alongside} (each of which must answer 202); the orders once all are accepted.
     */
    private static List<PlacedOrder> orderAtOnce(List<Customer> crowd, String sku,
                                                 List<Callable<StackClient.Response>> alongside) throws Exception {
        List<Callable<Object>> calls = new ArrayList<>();
        for (Customer customer : crowd) {
            calls.add(() -> placeOrder(stack.apiUrl(), customer, sku, 1, null));
        }
        for (Callable<StackClient.Response> call : alongside) {
            calls.add(call::call);
        }
        List<Object> answers = atOnce(calls);
        for (Object other : answers.subList(crowd.size(), answers.size())) {
            StackClient.Response response = (StackClient.Response) other;
            assertThat(response.status()).as(response.body().toString()).isEqualTo(202);
        }
        return answers.subList(0, crowd.size()).stream().map(PlacedOrder.class::cast).toList();
    }

    /** Makes every call at the same moment, each on a thread of its own; their answers, in the calls' order. */
    private static <T> List<T> atOnce(List<Callable<T>> calls) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<T>> running = new ArrayList<>();
            for (Callable<T> call : calls) {
                running.add(pool.submit(() -> {
                    go.await();
                    return call.call();
                }));
            }
            go.countDown();
            List<T> answers = new ArrayList<>();
            for (Future<T> answer : running) {
                answers.add(answer.get());
            }
            return answers;
        }
    }

    private static PlacedOrder placeOrder(String apiUrl, Customer customer, String sku, int quantity, String coupon)
            throws Exception {
        return placeOrder(apiUrl, customer, Map.of(sku, quantity), coupon);
    }

    /**
     * An order of {@code lines} (sku to quantity) placed at {@code apiUrl} (through the balancer: on a new
     * connection), sent again while overloaded.
     */
    private static PlacedOrder placeOrder(String apiUrl, Customer customer, Map<String, Integer> lines,
                                          String coupon) throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("items", lines.entrySet().stream()
                .map(line -> Map.of("sku", line.getKey(), "quantity", line.getValue())).toList());
        if (coupon != null) {
            body.put("couponId", coupon);
        }
        StackClient via = apiUrl.equals(stack.apiUrl()) ? balanced : client;
        String key = "scale-" + UUID.randomUUID();
        StackClient.Response response = sentWhileOverloaded(() ->
                via.post(apiUrl + "/api/v1/orders", customer.token(), key, body));
        assertThat(response.status()).as("order of %s at %s: %s", customer.userId(), apiUrl, response.body())
                .isEqualTo(202);
        return new PlacedOrder(response.body().get("orderId").asString(), customer);
    }

    /** A flash-sale purchase at {@code apiUrl} that must be admitted (202). */
    private static PlacedOrder purchase(String apiUrl, Customer customer, String sale, int quantity)
            throws Exception {
        StackClient.Response response = buy(apiUrl, customer, sale, quantity);
        assertThat(response.status()).as("purchase of %s at %s: %s", customer.userId(), apiUrl, response.body())
                .isEqualTo(202);
        return new PlacedOrder(response.body().get("orderId").asString(), customer);
    }

    /** A flash-sale purchase at {@code apiUrl}, sent again (same key) while the gate syncs or the api is busy. */
    private static StackClient.Response buy(String apiUrl, Customer customer, String sale, int quantity)
            throws Exception {
        String key = "flash-" + UUID.randomUUID();
        return sentWhileOverloaded(() -> client.post(apiUrl + "/api/v1/flash-sales/" + sale + "/orders",
                customer.token(), key, Map.of("quantity", quantity)));
    }

    private static void assertRefused(StackClient.Response response, String code) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(409);
        assertThat(response.body().get("code").asString()).isEqualTo(code);
    }

    /** Sends a request again, every 250 ms, while it answers 429 or 503, for up to {@link #OVERLOAD_PATIENCE}. */
    private static StackClient.Response sentWhileOverloaded(Callable<StackClient.Response> request) throws Exception {
        long deadline = System.nanoTime() + OVERLOAD_PATIENCE.toNanos();
        while (true) {
            StackClient.Response response = request.call();
            if (!overloaded(response.status()) || System.nanoTime() > deadline) {
                return response;
            }
            Thread.sleep(250);
        }
    }

    private static boolean overloaded(int status) {
        return status == 429 || status == 503;
    }

    private static StackClient.Response pay(PlacedOrder order, long amountCents) throws Exception {
        return balanced.post(stack.apiUrl() + "/api/v1/orders/" + order.orderId() + "/payment",
                order.customer().token(), Map.of("amountCents", amountCents, "paymentRef", "pay-" + order.orderId()));
    }

    private static void payAndAwaitPaid(PlacedOrder order, long amountCents) throws Exception {
        awaitStatus(order, "CONFIRMED");
        StackClient.Response paid = pay(order, amountCents);
        assertThat(paid.status()).as("payment of %s: %s", order.orderId(), paid.body()).isEqualTo(202);
        awaitStatus(order, "PAID");
    }

    private static JsonNode order(PlacedOrder order) throws Exception {
        return client.get(stack.queryUrl() + "/api/v1/orders/" + order.orderId(), order.customer().token()).body();
    }

    private static JsonNode awaitStatus(PlacedOrder order, String status) {
        return await().atMost(READ_SIDE).pollInterval(Duration.ofMillis(200))
                .until(() -> order(order), view -> hasStatus(view, status));
    }

    /** The order once the query side shows it was confirmed, whatever followed (with a short window: expiry). */
    private static JsonNode awaitConfirmation(PlacedOrder order) {
        return await().atMost(READ_SIDE).pollInterval(Duration.ofMillis(200))
                .until(() -> order(order), view -> timeline(view).contains("OrderConfirmed"));
    }

    private static JsonNode awaitExpiredAfterConfirmation(PlacedOrder order) {
        JsonNode expired = awaitStatus(order, "EXPIRED");
        assertThat(timeline(expired)).as(order.orderId())
                .containsExactly("OrderPlaced", "OrderConfirmed", "OrderExpired");
        return expired;
    }

    /** The types of the events the query side shows in an order's timeline, in order. */
    private static List<String> timeline(JsonNode order) {
        List<String> types = new ArrayList<>();
        order.path("timeline").forEach(entry -> types.add(entry.get("eventType").asString()));
        return types;
    }

    /** Each order as the query side shows it once every one is CONFIRMED or REJECTED. */
    private static Map<String, JsonNode> awaitSettled(List<PlacedOrder> orders) {
        return await().atMost(READ_SIDE).pollInterval(Duration.ofMillis(500)).until(() -> {
            Map<String, JsonNode> views = new HashMap<>();
            for (PlacedOrder order : orders) {
                views.put(order.orderId(), order(order));
            }
            return views;
        }, views -> views.values().stream()
                .allMatch(view -> hasStatus(view, "CONFIRMED") || hasStatus(view, "REJECTED")));
    }

    private static boolean hasStatus(JsonNode order, String status) {
        return order.path("status").asString("").equals(status);
    }

    private static void awaitPaidMembers(String deal, String groupId, int paid) {
        await().atMost(READ_SIDE).untilAsserted(() -> {
            JsonNode group = group(deal, "OPEN", groupId);
            assertThat(group).as("group %s among the OPEN ones", groupId).isNotNull();
            assertThat(group.get("paidMembers").asInt()).isEqualTo(paid);
        });
    }

    /** The group as the query side lists it among the deal's groups of {@code status}; null when it is not. */
    private static JsonNode group(String deal, String status, String groupId) throws Exception {
        JsonNode groups = client.get(stack.queryUrl() + "/api/v1/group-buys/" + deal + "/groups?status=" + status,
                admin).body();
        for (JsonNode group : groups.path("items")) {
            if (group.get("groupId").asString().equals(groupId)) {
                return group;
            }
        }
        return null;
    }

    private static int availableStock(String sku) throws Exception {
        return client.get(stack.queryUrl() + "/api/v1/products/" + sku, admin).body().path("availableStock")
                .asInt(-1);
    }

    /** The units of a flash sale the query side shows as left; -1 while it does not know the sale. */
    private static int flashSaleRemaining(String flashSaleId) throws Exception {
        return client.get(stack.queryUrl() + "/api/v1/flash-sales/" + flashSaleId, admin).body().path("remaining")
                .asInt(-1);
    }

    /**
     * Units of {@code sku} each order holds according to the product's stored events (reserved less released);
     * orders that hold none are left out.
     */
    private static Map<String, Integer> unitsHeldByOrder(EventStoreProbe store, String sku) throws Exception {
        Map<String, Integer> held = new HashMap<>();
        for (EventStoreProbe.StoredEvent event : store.eventsOf(sku)) {
            int sign = switch (event.type()) {
                case "StockReserved" -> 1;
                case "StockReleased" -> -1;
                default -> 0;
            };
            held.merge(event.payload().path("orderId").asString(""), sign * event.payload().path("quantity").asInt(),
                    Integer::sum);
        }
        held.values().removeIf(units -> units == 0);
        return held;
    }

    /** Every running worker has some of the order queue's partitions, and together they have all of them. */
    private static void awaitWorkersSharingThePartitions() {
        await().atMost(READ_SIDE).untilAsserted(() -> {
            List<Long> partitions = new ArrayList<>();
            for (String worker : stack.workerUrls()) {
                partitions.add(assignedPartitions(worker));
            }
            assertThat(partitions).as("order queue partitions of each worker").hasSize(WORKERS)
                    .allSatisfy(assigned -> assertThat(assigned).isPositive());
            assertThat(partitions.stream().mapToLong(Long::longValue).sum()).isEqualTo(ORDER_QUEUE_PARTITIONS);
        });
    }

    /** Waits until a worker that was just started is ready and has some of the order queue's partitions. */
    private static void awaitPartitionsOf(ServiceProcess worker) throws InterruptedException {
        worker.awaitReady(Duration.ofMinutes(3));
        await().atMost(READ_SIDE).untilAsserted(() -> assertThat(assignedPartitions(worker.baseUrl()))
                .as("order queue partitions of %s", worker.name()).isPositive());
    }

    private static long assignedPartitions(String workerUrl) throws Exception {
        return metric(workerUrl, "kafka_consumer_coordinator_assigned_partitions{", "");
    }

    /** How many times the apis together rebuilt a flash sale's gate from the sale. */
    private static long gateRepairs() throws Exception {
        long repairs = 0;
        for (String api : stack.apiUrls()) {
            repairs += metric(api, "groupbuy_flash_sale_gate_repairs_total", "");
        }
        return repairs;
    }

    /** FLUSHALL on the stack's Redis, over a plain connection: every key of every process is gone. */
    private static void flushRedis() throws IOException {
        try (Socket socket = new Socket(stack.infrastructure().redisHost(), stack.infrastructure().redisPort())) {
            OutputStream out = socket.getOutputStream();
            out.write("*1\r\n$8\r\nFLUSHALL\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            assertThat(new String(in.readNBytes(5), StandardCharsets.US_ASCII)).isEqualTo("+OK\r\n");
        }
    }

    /** How many dev tokens each api process has issued, from its own Prometheus endpoint. */
    private static List<Long> tokensIssuedByEachApi() throws Exception {
        List<Long> issued = new ArrayList<>();
        for (String api : stack.apiUrls()) {
            issued.add(metric(api, "http_server_requests_seconds_count{", "uri=\"/api/v1/dev/tokens\""));
        }
        return issued;
    }

    /** The sum of a process's Prometheus samples whose line starts with {@code prefix} and contains {@code tag}. */
    private static long metric(String processUrl, String prefix, String tag) throws Exception {
        return client.getText(processUrl + "/actuator/prometheus").lines()
                .filter(line -> line.startsWith(prefix) && line.contains(tag))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
