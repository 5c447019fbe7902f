package com.groupbuy.command.flashsale;

import com.groupbuy.command.RealServers;
import com.groupbuy.command.StoredEvents;
import com.groupbuy.command.flashsale.gate.FlashSaleGateSync;
import com.groupbuy.command.flashsale.model.DescribeFlashSaleAllocation;
import com.groupbuy.command.flashsale.model.FlashSaleAllocation;
import com.groupbuy.command.product.model.RegisterProduct;
import com.groupbuy.command.HttpApi;
import com.groupbuy.command.HttpApi.Answer;
import com.groupbuy.contract.RedisKeys;
import com.groupbuy.events.product.StockReturned;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Flash sales over real HTTP, with the gate in the real Redis, the order queue on the real broker and the sale's
 * events in the real PostgreSQL: crowds never get more units than the sale has, nor a customer more than the limit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"groupbuy.orders.payment-window=10m", "groupbuy.flash-sale.gate.grace=300ms",
                "groupbuy.flash-sale.late-admissions=1s"})
@ActiveProfiles({"api", "worker", "local"})
class FlashSaleIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealServers.wire(registry, "eventstore_flash_sale_it");
    }

    @LocalServerPort
    int port;

    @Autowired
    CommandGateway commands;

    @Autowired
    EventStore eventStore;

    @Autowired
    RedissonClient redis;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    org.axonframework.config.Configuration axon;

    private HttpApi api;
    private StoredEvents events;
    private String admin;

    record Purchase(String userId, Answer answer) {
    }

    @BeforeEach
    void signIn() throws Exception {
        api = new HttpApi(port);
        events = new StoredEvents(eventStore);
        admin = api.token("flash-admin", "admin");
    }

    @Test
    void a_crowd_of_240_attempts_on_20_units_gets_exactly_20_and_nobody_more_than_2() throws Exception {
        String sale = scheduleSale(product(100), 20, 2, Instant.now().minusSeconds(1), Instant.now().plusSeconds(600));

        List<Purchase> purchases = crowd(sale, "crowd", 60, 4);

        List<Purchase> admitted = purchases.stream().filter(p -> p.answer().status() == 202).toList();
        assertThat(admitted).hasSize(20);
        assertThat(unitsPerUser(admitted).values()).allMatch(units -> units <= 2);
        assertThat(purchases.stream().filter(p -> p.answer().status() != 202).map(p -> p.answer().code()))
                .isNotEmpty()
                .allMatch(code -> code.equals("SOLD_OUT") || code.equals("LIMIT_REACHED"));
        assertThat(events.awaitOutcomes(orderIds(admitted))).containsOnly("CONFIRMED");
        assertThat(allocationOf(sale).remaining()).isZero();
    }

    @Test
    void units_of_cancelled_orders_go_back_to_the_sale_and_the_gate() throws Exception {
        String sale = scheduleSale(product(100), 3, 1, Instant.now().minusSeconds(1), Instant.now().plusSeconds(600));
        List<Purchase> admitted = crowd(sale, "cancelling", 3, 1);
        assertThat(events.awaitOutcomes(orderIds(admitted))).containsOnly("CONFIRMED");
        assertThat(buy(sale, "cancelling-late").code()).isEqualTo("SOLD_OUT");

        for (Purchase purchase : admitted) {
            assertThat(api.post("/api/v1/orders/" + purchase.answer().field("orderId") + "/cancellation",
                    api.token(purchase.userId(), "customer"), "{}").status()).isEqualTo(202);
        }

        await().atMost(Duration.ofSeconds(40)).untilAsserted(() ->
                assertThat(allocationOf(sale).remaining()).isEqualTo(3));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(buy(sale, "cancelling-late").status()).isEqualTo(202));
    }

    @Test
    void a_sale_whose_gate_state_is_lost_mid_sale_keeps_every_guarantee() throws Exception {
        String sale = scheduleSale(product(100), 20, 2, Instant.now().minusSeconds(1), Instant.now().plusSeconds(600));
        List<Purchase> before = crowd(sale, "flush", 20, 1);
        loseTheGateStateOf(sale);

        List<Purchase> after = crowdRetryingWhileSyncing(sale, "flush", 60, 4);

        List<Purchase> admitted = new ArrayList<>(before.stream().filter(p -> p.answer().status() == 202).toList());
        admitted.addAll(after.stream().filter(p -> p.answer().status() == 202).toList());
        assertThat(admitted).hasSize(20);
        assertThat(unitsPerUser(admitted).values()).allMatch(units -> units <= 2);
        assertThat(events.awaitOutcomes(orderIds(admitted))).containsOnly("CONFIRMED");
        assertThat(allocationOf(sale).remaining()).isZero();
    }

    @Test
    void a_sale_scheduled_again_after_its_gate_was_lost_is_rebuilt_from_the_sale_not_reopened_in_full()
            throws Exception {
        String sku = product(100);
        String key = "again-" + UUID.randomUUID();
        Answer created = scheduleWithKey(sku, key);
        String sale = created.body().get("flashSaleId").asString();
        List<Purchase> before = crowd(sale, "again", 5, 1);
        assertThat(before).allMatch(p -> p.answer().status() == 202);
        loseTheGateStateOf(sale);
        // as if the api had died before it stored the first answer: the repeat runs the request again
        jdbc.update("DELETE FROM idempotency_record WHERE idem_key = ?", key);

        Answer repeated = scheduleWithKey(sku, key);
        List<Purchase> after = crowdRetryingWhileSyncing(sale, "again-later", 5, 1);

        assertThat(repeated.status()).isEqualTo(201);
        assertThat(repeated.body().get("flashSaleId").asString()).isEqualTo(sale);
        assertThat(after).extracting(p -> p.answer().code()).containsOnly("SOLD_OUT");
        assertThat(events.awaitOutcomes(orderIds(before))).containsOnly("CONFIRMED");
        assertThat(allocationOf(sale).remaining()).isZero();
    }

    @Test
    void a_gate_that_lost_its_sale_is_not_reopened_in_full_by_the_sales_events_replayed() throws Exception {
        String sale = scheduleSale(product(100), 5, 1, Instant.now().minusSeconds(1), Instant.now().plusSeconds(600));
        List<Purchase> before = crowd(sale, "replayed", 5, 1);
        assertThat(events.awaitOutcomes(orderIds(before))).containsOnly("CONFIRMED");
        loseTheGateStateOf(sale);

        StreamingEventProcessor gateSync = axon.eventProcessingConfiguration()
                .eventProcessor(FlashSaleGateSync.PROCESSING_GROUP, StreamingEventProcessor.class).orElseThrow();
        gateSync.shutDown();
        gateSync.resetTokens();
        gateSync.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> !gateSync.processingStatus().isEmpty()
                && gateSync.processingStatus().values().stream().allMatch(s -> s.isCaughtUp() && !s.isReplaying()));
        List<Purchase> after = crowdRetryingWhileSyncing(sale, "replayed-later", 5, 1);

        assertThat(after).extracting(p -> p.answer().code()).containsOnly("SOLD_OUT");
        assertThat(allocationOf(sale).remaining()).isZero();
    }

    @Test
    void a_reconciliation_reports_and_repairs_a_gate_that_drifted() throws Exception {
        String sale = scheduleSale(product(100), 5, 5, Instant.now().minusSeconds(1), Instant.now().plusSeconds(600));
        List<Purchase> first = crowd(sale, "drift", 2, 1);
        assertThat(events.awaitOutcomes(orderIds(first))).containsOnly("CONFIRMED");
        redis.getMap(RedisKeys.flashSaleGate(sale), StringCodec.INSTANCE).put("remaining", "50");

        Answer report = api.post("/api/v1/flash-sales/" + sale + "/reconciliation", admin, "{}");

        assertThat(report.status()).isEqualTo(200);
        assertThat(report.body().get("gateRemaining").asInt()).isEqualTo(50);
        assertThat(report.body().get("saleRemaining").asInt()).isEqualTo(3);
        assertThat(report.body().get("driftUnits").asInt()).isEqualTo(47);
        List<Purchase> rest = crowd(sale, "drift-more", 10, 1);
        assertThat(rest.stream().filter(p -> p.answer().status() == 202)).hasSize(3);
    }

    @Test
    void when_the_sale_ends_purchases_are_refused_and_the_units_left_return_to_the_product() throws Exception {
        String sku = product(50);
        String sale = scheduleSale(sku, 10, 2, Instant.now().minusSeconds(1), Instant.now().plusSeconds(3));
        List<Purchase> admitted = crowd(sale, "ending", 1, 1);
        assertThat(events.awaitOutcomes(orderIds(admitted))).containsOnly("CONFIRMED");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(events.payloadsOf(sku).stream()
                        .filter(StockReturned.class::isInstance).map(StockReturned.class::cast)
                        .mapToInt(StockReturned::returnedInAll).max().orElse(0)).isGreaterThanOrEqualTo(9));
        assertThat(buy(sale, "ending-late").code()).isEqualTo("ENDED");
    }

    @Test
    void an_admin_ends_a_sale_early_the_gate_refuses_at_once_and_the_units_left_return_to_the_product()
            throws Exception {
        String sku = product(50);
        String sale = scheduleSale(sku, 10, 2, Instant.now().minusSeconds(1), Instant.now().plusSeconds(600));
        List<Purchase> admitted = crowd(sale, "early-end", 2, 1);
        assertThat(events.awaitOutcomes(orderIds(admitted))).containsOnly("CONFIRMED");

        Answer ended = api.post("/api/v1/flash-sales/" + sale + "/end", admin, "{}");

        assertThat(ended.status()).as(ended.body().toString()).isEqualTo(200);
        assertThat(ended.body().get("unitsReturned").asInt()).isEqualTo(8);
        assertThat(buy(sale, "early-end-late").code()).isEqualTo("ENDED");
        assertThat(events.awaitFirst(sku, StockReturned.class).stockAfter()).isEqualTo(50 - 10 + 8);
        assertThat(api.post("/api/v1/flash-sales/" + sale + "/end", admin, "{}").body().get("unitsReturned")
                .asInt()).as("ending it again").isZero();
        assertThat(api.post("/api/v1/flash-sales/" + sale + "/end", api.token("early-end-u0", "customer"), "{}")
                .status()).as("a customer ending it").isEqualTo(403);
    }

    @Test
    void a_sale_its_rules_refuse_gives_its_units_back_to_the_product() throws Exception {
        String sku = product(100);

        Answer refused = schedule(sku, "199", 10, 2, Instant.now().minusSeconds(120), Instant.now().minusSeconds(60));

        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(422);
        assertThat(refused.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(events.typesOf(sku)).containsExactly("ProductRegistered", "StockSetAside", "StockReturned");
        assertThat(events.awaitFirst(sku, StockReturned.class).stockAfter()).isEqualTo(100);
    }

    @Test
    void purchases_before_the_start_or_of_unknown_sales_are_refused_without_an_order() throws Exception {
        String sale = scheduleSale(product(10), 5, 1, Instant.now().plusSeconds(600), Instant.now().plusSeconds(900));

        assertThat(buy(sale, "early").code()).isEqualTo("NOT_STARTED");
        String unknownSale = "no-such-sale-" + UUID.randomUUID().toString().substring(0, 8);
        Answer first = buy(unknownSale, "early");
        assertThat(first.status()).isEqualTo(503);
        assertThat(first.code()).isEqualTo("UNAVAILABLE");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Answer settled = buy(unknownSale, "early");
            assertThat(settled.status()).isEqualTo(404);
            assertThat(settled.code()).isEqualTo("NOT_FOUND");
        });
    }

    @Test
    void a_happy_hour_sale_admits_within_its_hours_and_refuses_outside_them_also_after_its_gate_is_rebuilt()
            throws Exception {
        Instant now = Instant.now();
        String open = scheduleSale(product(10), 5, 1, now.minusSeconds(60), now.plusSeconds(600),
                hoursAround(now.minusSeconds(120), now.plusSeconds(600)));
        String closed = scheduleSale(product(10), 5, 1, now.minusSeconds(60), now.plus(Duration.ofDays(2)),
                hoursAround(now.plus(Duration.ofHours(2)), now.plus(Duration.ofHours(3))));

        assertThat(buy(open, "happy-u1").status()).isEqualTo(202);
        Answer outside = buy(closed, "happy-u1");
        assertThat(outside.status()).isEqualTo(409);
        assertThat(outside.code()).isEqualTo("NOT_STARTED");
        assertThat(redis.<String, String>getMap(RedisKeys.flashSaleGate(closed), StringCodec.INSTANCE)
                .get("windows")).matches("\\d+,\\d+(,\\d+,\\d+)+");

        loseTheGateStateOf(closed);
        loseTheGateStateOf(open);
        assertThat(buy(closed, "happy-u2").status()).isEqualTo(503);
        assertThat(buy(open, "happy-u2").status()).isEqualTo(503);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(buy(closed, "happy-u2").code()).isEqualTo("NOT_STARTED");
            assertThat(buy(open, "happy-u2").status()).isEqualTo(202);
        });
        assertThat(allocationOf(closed).happyHours()).isNotNull();
    }

    @Test
    void a_happy_hour_sale_longer_than_366_days_is_refused_before_any_unit_is_set_aside() throws Exception {
        String sku = product(10);
        Instant now = Instant.now();

        Answer refused = schedule(sku, "199", 5, 1, now, now.plus(Duration.ofDays(367)),
                hoursAround(now, now.plusSeconds(3600)));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(refused.body().get("errors").findValuesAsString("field")).containsExactly("happyHoursSpanBounded");
        assertThat(events.typesOf(sku)).containsExactly("ProductRegistered");
    }

    @Test
    void a_customer_over_the_rate_limit_is_told_to_retry_later() throws Exception {
        String sale = scheduleSale(product(10), 5, 1, Instant.now().plusSeconds(600), Instant.now().plusSeconds(900));
        String token = api.token("rate-u1", "customer");
        List<Callable<Answer>> burst = Collections.nCopies(40,
                () -> api.post("/api/v1/flash-sales/" + sale + "/orders", token, "{\"quantity\":1}"));

        List<Answer> answers = runAll(burst);

        assertThat(answers).anySatisfy(a -> {
            assertThat(a.status()).isEqualTo(429);
            assertThat(a.code()).isEqualTo("RATE_LIMITED");
        });
    }

    @Test
    void a_refusal_on_the_crowd_path_reads_like_the_same_refusal_through_the_controller() throws Exception {
        String sale = scheduleSale(product(10), 1, 1, Instant.now().minusSeconds(1), Instant.now().plusSeconds(600));
        assertThat(buy(sale, "first-buyer").status()).isEqualTo(202);
        String token = api.token("late-buyer", "customer");
        String path = "/api/v1/flash-sales/" + sale + "/orders";

        Answer crowdPath = api.post(path, token, "{\"quantity\":1}");
        Answer controllerPath = api.post(path, token, "{\"quantity\":1}", "late-buyer-key");

        assertThat(crowdPath.status()).isEqualTo(409);
        assertThat(crowdPath.body()).isEqualTo(controllerPath.body());
        assertThat(crowdPath.body().propertyNames()).contains("type", "title", "status", "detail", "code", "instance");
        assertThat(crowdPath.code()).isEqualTo("SOLD_OUT");
        assertThat(crowdPath.field("instance")).isEqualTo(path);
        assertThat(prometheus()).as("the crowd path's 202s are timed under the endpoint's pattern, as the latency SLO reads them")
                .containsPattern("http_server_requests_seconds_count\\{[^}]*status=\"202\"[^}]*"
                        + "uri=\"/api/v1/flash-sales/\\{flashSaleId}/orders\"")
                .as("no long-task timer of requests in flight (management.metrics.observations.ignored-meters)")
                .doesNotContain("http_server_requests_active_seconds");
    }

    @Test
    void purchases_without_a_customers_token_or_a_well_formed_body_get_the_answers_of_every_endpoint()
            throws Exception {
        String sale = scheduleSale(product(10), 5, 1, Instant.now().minusSeconds(1), Instant.now().plusSeconds(600));
        String path = "/api/v1/flash-sales/" + sale + "/orders";
        String customer = api.token("picky-buyer", "customer");

        assertThat(api.post(path, null, "{\"quantity\":1}").status()).isEqualTo(401);
        assertThat(api.post(path, "not-a-token", "{\"quantity\":1}").status()).isEqualTo(401);
        assertThat(api.post(path, admin, "{\"quantity\":1}").status()).isEqualTo(403);
        Answer zero = api.post(path, customer, "{\"quantity\":0}");
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.post(path, customer, "{\"quantity\":").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/flash-sales/" + "x".repeat(65) + "/orders", customer, "{\"quantity\":1}")
                .status()).isEqualTo(400);
        assertThat(api.post(path, customer, "{\"quantity\":1}").status())
                .as("none of those was admitted: the limit is 1 per customer").isEqualTo(202);
    }

    @ParameterizedTest
    @ValueSource(strings = {"100000001", "9223372036854775807", "199.9"})
    void a_price_above_a_million_or_in_fractions_of_a_cent_is_refused_before_any_unit_is_set_aside(String price)
            throws Exception {
        String sku = product(100);

        Answer refused = schedule(sku, price);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(refused.body().get("errors").findValuesAsString("field")).containsExactly("priceCents");
        assertThat(events.typesOf(sku)).containsExactly("ProductRegistered");
    }

    private String prometheus() throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create("http://127.0.0.1:" + port + "/actuator/prometheus")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    }

    private String product(int stock) {
        String sku = "FLASH-" + UUID.randomUUID().toString().substring(0, 8);
        commands.sendAndWait(new RegisterProduct(sku, "Flash tea", "tea", 500, stock));
        return sku;
    }

    private Answer schedule(String sku, String priceCents) throws Exception {
        return schedule(sku, priceCents, 10, 2, Instant.now(), Instant.now().plusSeconds(600));
    }

    private Answer schedule(String sku, String priceCents, int quantity, int perUserLimit, Instant startsAt,
                            Instant endsAt) throws Exception {
        return schedule(sku, priceCents, quantity, perUserLimit, startsAt, endsAt, null);
    }

    private Answer schedule(String sku, String priceCents, int quantity, int perUserLimit, Instant startsAt,
                            Instant endsAt, String happyHours) throws Exception {
        return api.post("/api/v1/flash-sales", admin, """
                {"sku":"%s","priceCents":%s,"quantity":%d,"perUserLimit":%d,"startsAt":"%s","endsAt":"%s"%s}"""
                .formatted(sku, priceCents, quantity, perUserLimit, startsAt, endsAt,
                        happyHours == null ? "" : ",\"happyHours\":" + happyHours));
    }

    /** Happy hours every day from {@code from} to {@code to} (UTC, to the minute), as the request takes them. */
    private static String hoursAround(Instant from, Instant to) {
        return """
                {"days":["MONDAY","TUESDAY","WEDNESDAY","THURSDAY","FRIDAY","SATURDAY","SUNDAY"],\
                "from":"%s","to":"%s","timeZone":"UTC"}""".formatted(hhmm(from), hhmm(to));
    }

    private static String hhmm(Instant at) {
        return DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC).format(at);
    }

    /** What a Redis flush or failover without replicas does to a sale at the gate. */
    private void loseTheGateStateOf(String sale) {
        redis.getKeys().delete(RedisKeys.flashSaleGate(sale), RedisKeys.flashSaleGateBuyers(sale),
                RedisKeys.flashSaleGateOrders(sale));
    }

    private Answer scheduleWithKey(String sku, String idempotencyKey) throws Exception {
        return api.post("/api/v1/flash-sales", admin, """
                {"sku":"%s","priceCents":199,"quantity":5,"perUserLimit":1,"startsAt":"%s","endsAt":"%s"}"""
                .formatted(sku, Instant.now().minusSeconds(1), Instant.now().plusSeconds(600)), idempotencyKey);
    }

    private String scheduleSale(String sku, int quantity, int perUserLimit, Instant startsAt, Instant endsAt)
            throws Exception {
        return scheduleSale(sku, quantity, perUserLimit, startsAt, endsAt, null);
    }

    private String scheduleSale(String sku, int quantity, int perUserLimit, Instant startsAt, Instant endsAt,
                                String happyHours) throws Exception {
        Answer created = schedule(sku, "199", quantity, perUserLimit, startsAt, endsAt, happyHours);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.body().get("flashSaleId").asString();
    }

    private List<Purchase> crowd(String sale, String prefix, int users, int attemptsEach) throws Exception {
        List<Callable<Purchase>> attempts = new ArrayList<>();
        for (int user = 0; user < users; user++) {
            String userId = prefix + "-u" + user;
            for (int attempt = 0; attempt < attemptsEach; attempt++) {
                attempts.add(() -> new Purchase(userId, buy(sale, userId)));
            }
        }
        Collections.shuffle(attempts);
        return runAll(attempts);
    }

    /** Like a storefront: a 503 with Retry-After is sent again (the gate is rebuilding from the sale). */
    private List<Purchase> crowdRetryingWhileSyncing(String sale, String prefix, int users, int attemptsEach)
            throws Exception {
        List<Callable<Purchase>> attempts = new ArrayList<>();
        for (int user = 0; user < users; user++) {
            String userId = prefix + "-u" + user;
            for (int attempt = 0; attempt < attemptsEach; attempt++) {
                attempts.add(() -> {
                    Answer answer = buy(sale, userId);
                    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                    while (answer.status() == 503 && System.nanoTime() < deadline) {
                        Thread.sleep(250);
                        answer = buy(sale, userId);
                    }
                    return new Purchase(userId, answer);
                });
            }
        }
        Collections.shuffle(attempts);
        return runAll(attempts);
    }

    private Answer buy(String sale, String userId) throws Exception {
        return api.post("/api/v1/flash-sales/" + sale + "/orders", api.token(userId, "customer"), "{\"quantity\":1}");
    }

    private FlashSaleAllocation allocationOf(String sale) {
        return commands.sendAndWait(new DescribeFlashSaleAllocation(sale));
    }

    private static Map<String, Long> unitsPerUser(List<Purchase> admitted) {
        return admitted.stream().collect(Collectors.groupingBy(Purchase::userId, Collectors.counting()));
    }

    private static List<String> orderIds(List<Purchase> admitted) {
        return admitted.stream().map(p -> p.answer().body().get("orderId").asString()).toList();
    }

    private static <T> List<T> runAll(List<Callable<T>> tasks) throws Exception {
        List<T> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(32)) {
            for (Future<T> future : pool.invokeAll(tasks)) {
                results.add(future.get());
            }
        }
        return results;
    }
}
