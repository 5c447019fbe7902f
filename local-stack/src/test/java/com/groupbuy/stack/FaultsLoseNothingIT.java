package com.groupbuy.stack;

import com.groupbuy.infra.ServerOutages;
import com.groupbuy.stack.Storefront.Accepted;
import com.groupbuy.stack.Storefront.Customer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The fault suite: with the processes apart (two apis, two workers, the projections and the query side), each
 * fault is injected in the middle of a burst of orders, coupon orders and flash-sale purchases sent as a storefront
 * sends them (same Idempotency-Key again on 429, 503 or no answer). Afterwards the same books must balance: every
 * accepted order ends once, stock is held only for confirmed orders and the read side shows what is left, no coupon
 * pays for two orders, no flash-sale unit is sold twice, and no request was ever answered 500. The last test checks
 * that every read model equals its rebuild from Kafka. Figures per fault go to {@code target/fault-suite.md}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsLoseNothingIT {

    private static final int APIS = 2;
    private static final int WORKERS = 2;
    private static final int BURST = 100;
    private static final Duration PACE = Duration.ofMillis(100);
    /** The fault starts this far into the burst. */
    private static final int FAULT_AT = BURST / 4;
    private static final Duration OUTAGE = Duration.ofSeconds(6);
    private static final Duration SETTLING = Duration.ofMinutes(3);
    private static final int STOCK = 20;
    private static final int SALE_UNITS = 6;
    private static final int CUSTOMERS = 12;
    private static final int WITH_COUPONS = 8;
    private static final long GROUP_WINDOW_SECONDS = 10;
    private static final int GROUPS = 24;

    private static LocalStack stack;
    private static Storefront shop;
    private static Ledger ledger;
    private static final Map<String, String> figures = new LinkedHashMap<>();

    @BeforeAll
    static void startStack() throws Exception {
        Path logs = Path.of(System.getProperty("groupbuy.stack.logs", "target/stack-logs"), "faults");
        stack = LocalStack.start(StackOptions.forTests(logs).withProcesses(APIS, WORKERS));
        shop = new Storefront(stack);
        ledger = new Ledger(stack);
    }

    @AfterAll
    static void stopStack() throws Exception {
        if (stack != null) {
            stack.close();
        }
        StringBuilder table = new StringBuilder("| fault | figures |\n|---|---|\n");
        figures.forEach((fault, line) -> table.append("| ").append(fault).append(" | ").append(line).append(" |\n"));
        System.out.println("FaultsLoseNothingIT figures:\n" + table);
        Files.writeString(Path.of("target", "fault-suite.md"), table);
    }

    @Test
    @Order(1)
    void postgresql_stopped_and_started_again_mid_burst_loses_no_order_and_sells_nothing_twice() throws Exception {
        burstThrough("PostgreSQL stopped " + OUTAGE.toSeconds() + " s", () -> outage(ServerOutages.Server.POSTGRESQL));
    }

    @Test
    @Order(2)
    void the_kafka_broker_stopped_and_started_again_mid_burst_loses_no_order_and_sells_nothing_twice()
            throws Exception {
        burstThrough("Kafka broker stopped " + OUTAGE.toSeconds() + " s", () -> outage(ServerOutages.Server.KAFKA));
    }

    @Test
    @Order(3)
    void redis_stopped_and_started_again_empty_mid_burst_loses_no_order_and_sells_nothing_twice() throws Exception {
        burstThrough("Redis stopped " + OUTAGE.toSeconds() + " s (back empty)",
                () -> outage(ServerOutages.Server.REDIS));
    }

    @Test
    @Order(4)
    void projections_halted_between_their_redis_write_and_their_postgresql_commit_lose_nothing() throws Exception {
        stack.restart("projections", "--groupbuy.projections.fault.halt-before-commit=product-cache",
                "--groupbuy.projections.fault.halt-after-polls=5");
        burstThrough("projections halted between Redis write and PostgreSQL commit", () -> {
            OptionalInt exit = stack.process("projections").awaitExit(Duration.ofMinutes(2));
            assertThat(exit).as("the projections process halted at its crash point").hasValue(137);
            stack.startAgain("projections");
            return Instant.now();
        });
    }

    @Test
    @Order(5)
    void a_worker_killed_while_it_runs_deadlines_leaves_them_to_the_other_and_every_group_ends_with_its_toppings_back()
            throws Exception {
        String sku = shop.product("DEADLINE", 400, GROUPS);
        String pearls = shop.product("DEADLINE-PEARLS", 50, GROUPS);
        shop.offerPearls(sku, pearls);
        String deal = shop.groupBuy(sku, 300, 3, GROUP_WINDOW_SECONDS, List.of("toppings"));
        List<Customer> openers = shop.customers("deadline", GROUPS);
        List<String> groups = new ArrayList<>();
        List<Accepted> orders = new ArrayList<>();
        for (Customer opener : openers) {
            Map.Entry<String, Accepted> opened = shop.openGroup(deal, opener, sku,
                    Map.of("toppings", List.of("pearls")));
            groups.add(opened.getKey());
            orders.add(opened.getValue());
        }
        assertThat(ledger.awaitOutcomes(orders, SETTLING)).as("the openers' orders").containsOnlyKeys(
                orders.stream().map(Accepted::orderId).toList()).allSatisfy((id, outcome) ->
                assertThat(outcome).isEqualTo(Ledger.CONFIRMED));
        assertThat(ledger.unitsHeld(pearls)).as("pearls held, one for each opener's drink").isEqualTo(GROUPS);
        Map<String, ServiceProcess> workersByScheduler = new HashMap<>();
        for (int worker = 1; worker <= 2; worker++) {
            ServiceProcess process = stack.process(ServiceProcess.nameOf("worker", worker));
            workersByScheduler.put(InetAddress.getLocalHost().getHostName() + "#" + process.pid(), process);
        }
        EventStoreProbe store = new EventStoreProbe(stack);

        // whichever worker is first seen running a group's deadline is killed in the middle of it
        String victimScheduler = await().atMost(Duration.ofSeconds(GROUP_WINDOW_SECONDS + 60))
                .pollInterval(Duration.ofMillis(5))
                .until(() -> store.deadlinesPickedByEach(workersByScheduler.keySet()), picked -> !picked.isEmpty())
                .keySet().iterator().next();
        ServiceProcess victim = workersByScheduler.get(victimScheduler);
        stack.kill(victim.name());
        Instant killed = Instant.now();

        await().atMost(SETTLING).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(store.eventTypesOf(groups).values()).as("groups that failed")
                        .hasSize(GROUPS).allMatch(types -> types.contains("GroupFailed")));
        Duration takeover = Duration.between(killed, Instant.now());
        await().atMost(SETTLING).untilAsserted(() -> {
            assertThat(ledger.unitsHeld(sku)).isZero();
            assertThat(ledger.unitsHeld(pearls)).isZero();
        });
        assertThat(store.deadlinesPickedBy(victimScheduler)).as("deadlines still held by the dead worker").isZero();
        awaitAvailableStock(sku, GROUPS);
        awaitAvailableStock(pearls, GROUPS);
        figures.put("worker SIGKILLed while it runs group-window deadlines",
                ("%d groups with a topping, all FAILED and their drinks' and toppings' stock back; last group ended "
                        + "%d s after the kill")
                        .formatted(GROUPS, takeover.toSeconds()));
    }

    @Test
    @Order(6)
    void after_every_fault_each_read_model_equals_its_rebuild_from_kafka() throws Exception {
        RebuildCheck.everyReadModelEqualsItsRebuild(stack.projectionsUrl(), shop.admin(), SETTLING);
    }

    /** What a fault does once started: returns when the system has what it needs again. */
    private interface Fault extends Callable<Instant> {
    }

    /** Stops a server for {@link #OUTAGE}, then starts it again; the moment it serves again. */
    private static Instant outage(ServerOutages.Server server) throws InterruptedException {
        stack.outages().stop(server);
        Thread.sleep(OUTAGE);
        stack.outages().startAgain(server);
        return Instant.now();
    }

    /**
     * Sends the burst against a fresh catalog, starts {@code fault} a quarter of the way in, then checks the books
     * and records the figures under {@code name}.
     */
    private static void burstThrough(String name, Fault fault) throws Exception {
        Map<Integer, Integer> statusesBefore = shop.statusesSeen();
        int unansweredBefore = shop.unanswered();
        String prefix = "F" + (figures.size() + 1);
        List<String> skus = List.of(shop.product(prefix, 300, STOCK), shop.product(prefix, 300, STOCK),
                shop.product(prefix, 300, STOCK));
        String saleSku = shop.product(prefix + "-SALE", 500, STOCK);
        String sale = shop.flashSale(saleSku, 199, SALE_UNITS, 1);
        String campaign = shop.couponCampaign(100, WITH_COUPONS);
        List<Customer> customers = shop.customers(prefix.toLowerCase(), CUSTOMERS);
        List<String> coupons = new ArrayList<>();
        for (Customer customer : customers.subList(0, WITH_COUPONS)) {
            coupons.add(shop.claimCoupon(customer, campaign));
        }
        for (String sku : skus) {
            awaitAvailableStock(sku, STOCK);
        }

        List<Accepted> accepted = Collections.synchronizedList(new ArrayList<>());
        Instant restored;
        try (ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> sending = new ArrayList<>();
            Future<Instant> injected = null;
            for (int i = 0; i < BURST; i++) {
                if (i == FAULT_AT) {
                    injected = senders.submit(fault);
                }
                int n = i;
                sending.add(senders.submit(() -> {
                    Accepted order = request(n, skus, sale, saleSku, customers, coupons);
                    if (order != null) {
                        accepted.add(order);
                    }
                    return null;
                }));
                Thread.sleep(PACE);
            }
            restored = injected.get();
            for (Future<?> request : sending) {
                request.get();
            }
        }

        Map<String, String> outcomes = ledger.awaitOutcomes(accepted, SETTLING);
        Duration recovery = Duration.between(restored, Instant.now());
        for (String sku : skus) {
            ledger.assertStockHeldOnlyForConfirmedOrders(sku, accepted, outcomes);
        }
        ledger.assertNoCouponRedeemedTwice(accepted, outcomes);
        ledger.assertNoFlashUnitSoldTwice(sale, SALE_UNITS, 1, accepted, outcomes);
        for (String sku : skus) {
            awaitAvailableStock(sku, STOCK - ledger.unitsHeld(sku));
        }
        Map<Integer, Integer> statuses = new java.util.TreeMap<>(shop.statusesSeen());
        statusesBefore.forEach((status, count) -> statuses.merge(status, -count, Integer::sum));
        statuses.values().removeIf(count -> count == 0);
        assertThat(statuses.keySet()).as("statuses answered during the burst: %s", statuses)
                .allMatch(status -> status < 500 || status == 503);
        long confirmed = outcomes.values().stream().filter(Ledger.CONFIRMED::equals).count();
        figures.put(name, "%d accepted, all final (%d confirmed, %d rejected); answers %s, %d unanswered; all final %d s after the fault ended"
                .formatted(accepted.size(), confirmed, accepted.size() - confirmed, statuses,
                        shop.unanswered() - unansweredBefore, recovery.toSeconds()));
    }

    /**
     * The burst's request number {@code n}: every fourth a flash-sale purchase, every fourth an order with the
     * customer's coupon (each coupon is tried several times), the others orders of one or two lines.
     */
    private static Accepted request(int n, List<String> skus, String sale, String saleSku, List<Customer> customers,
                                    List<String> coupons) throws Exception {
        Customer customer = customers.get(n % customers.size());
        String sku = skus.get(n % skus.size());
        int round = n / 4;
        return switch (n % 4) {
            case 0 -> shop.buy(customers.get(round % customers.size()), sale, saleSku);
            case 1 -> shop.order(customers.get(round % coupons.size()), Map.of(sku, 1),
                    coupons.get(round % coupons.size()));
            case 2 -> shop.order(customer, Map.of(sku, 1, skus.get((n + 1) % skus.size()), 1), null);
            default -> shop.order(customer, Map.of(sku, 1), null);
        };
    }

    private static void awaitAvailableStock(String sku, int expected) {
        await().atMost(SETTLING).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(shop.get(stack.queryUrl() + "/api/v1/products/" + sku).path("availableStock").asInt(-1))
                        .as("available stock of %s on the query side", sku).isEqualTo(expected));
    }
}
