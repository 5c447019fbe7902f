package com.groupbuy.stack;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The newcomer's way in: the real processes, started from their jars against real Kafka, PostgreSQL and Redis,
 * driven over HTTP as a storefront and an admin would.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProductSliceEndToEndIT {

    private static LocalStack stack;
    private static final StackClient client = new StackClient();
    private static String admin;
    private static String customer;

    @BeforeAll
    static void startStack() throws Exception {
        Path logs = Path.of(System.getProperty("groupbuy.stack.logs", "target/stack-logs"));
        stack = LocalStack.start(StackOptions.forTests(logs));
        admin = client.devToken(stack.apiUrl(), "admin-1", "admin");
        customer = client.devToken(stack.queryUrl(), "u1", "customer");
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    private static Map<String, Object> product(String sku, int initialStock) {
        return Map.of("sku", sku, "name", "Peach oolong", "category", "tea", "priceCents", 480,
                "initialStock", initialStock);
    }

    @Test
    void an_admin_registers_a_product_and_the_query_side_serves_it_with_live_stock() throws Exception {
        StackClient.Response created = client.post(stack.apiUrl() + "/api/v1/products", admin,
                product("PEACH-OOLONG", 50));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().get("sku").asString()).isEqualTo("PEACH-OOLONG");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            StackClient.Response read = client.get(stack.queryUrl() + "/api/v1/products/PEACH-OOLONG", customer);
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.body().get("name").asString()).isEqualTo("Peach oolong");
            assertThat(read.body().get("priceCents").asLong()).isEqualTo(480);
            assertThat(read.body().get("availableStock").asInt()).isEqualTo(50);
        });

        StackClient.Response adjusted = client.post(stack.apiUrl() + "/api/v1/products/PEACH-OOLONG/stock", admin,
                Map.of("delta", -8));
        assertThat(adjusted.status()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                client.get(stack.queryUrl() + "/api/v1/products/PEACH-OOLONG", customer)
                        .body().get("availableStock").asInt()).isEqualTo(42));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                client.get(stack.queryUrl() + "/api/v1/products?category=tea", customer)
                        .body().get("items").findValuesAsString("sku")).contains("PEACH-OOLONG"));
    }

    @Test
    void calls_without_a_valid_token_are_refused_with_401() throws Exception {
        StackClient.Response command = client.post(stack.apiUrl() + "/api/v1/products", null, product("X-1", 1));
        StackClient.Response query = client.get(stack.queryUrl() + "/api/v1/products/X-1", "not-a-jwt");

        assertProblem(command, 401, "UNAUTHORIZED");
        assertProblem(query, 401, "UNAUTHORIZED");
    }

    @Test
    void a_customer_cannot_use_admin_commands() throws Exception {
        StackClient.Response response = client.post(stack.apiUrl() + "/api/v1/products", customer,
                product("X-2", 1));

        assertProblem(response, 403, "FORBIDDEN");
    }

    @Test
    void invalid_or_malformed_requests_get_400_with_a_code() throws Exception {
        StackClient.Response invalid = client.post(stack.apiUrl() + "/api/v1/products", admin,
                Map.of("sku", "bad sku!", "name", "", "category", "tea", "priceCents", -1, "initialStock", 1));
        StackClient.Response malformed = client.postRaw(stack.apiUrl() + "/api/v1/products", admin, "{\"sku\":");

        assertProblem(invalid, 400, "VALIDATION_FAILED");
        assertThat(invalid.body().get("errors").findValuesAsString("field"))
                .contains("sku", "name", "priceCents");
        assertProblem(malformed, 400, "MALFORMED_REQUEST");
    }

    @Test
    void unknown_products_are_404_on_both_sides() throws Exception {
        StackClient.Response command = client.post(stack.apiUrl() + "/api/v1/products/NO-SUCH-SKU/stock", admin,
                Map.of("delta", 5));
        StackClient.Response query = client.get(stack.queryUrl() + "/api/v1/products/NO-SUCH-SKU", customer);

        assertProblem(command, 404, "NOT_FOUND");
        assertProblem(query, 404, "NOT_FOUND");
    }

    @Test
    void a_sku_can_be_registered_only_once() throws Exception {
        assertThat(client.post(stack.apiUrl() + "/api/v1/products", admin, product("ONCE-ONLY", 5)).status())
                .isEqualTo(201);

        StackClient.Response again = client.post(stack.apiUrl() + "/api/v1/products", admin, product("ONCE-ONLY", 9));

        assertProblem(again, 409, "ALREADY_EXISTS");
    }

    @Test
    void stock_cannot_be_adjusted_below_zero() throws Exception {
        assertThat(client.post(stack.apiUrl() + "/api/v1/products", admin, product("LOW-STOCK", 2)).status())
                .isEqualTo(201);

        StackClient.Response response = client.post(stack.apiUrl() + "/api/v1/products/LOW-STOCK/stock", admin,
                Map.of("delta", -3));

        assertProblem(response, 409, "INSUFFICIENT_STOCK");
    }

    @Test
    void a_body_over_64_kib_is_refused_with_413() throws Exception {
        String huge = "{\"sku\":\"BIG\",\"name\":\"" + "x".repeat(70_000) + "\"}";

        StackClient.Response response = client.postRaw(stack.apiUrl() + "/api/v1/products", admin, huge);

        assertProblem(response, 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void after_a_crowd_on_a_flash_sale_the_query_side_shows_the_units_the_sale_has_left() throws Exception {
        assertThat(client.post(stack.apiUrl() + "/api/v1/products", admin, product("FLASH-MANGO", 100)).status())
                .isEqualTo(201);
        StackClient.Response scheduled = client.post(stack.apiUrl() + "/api/v1/flash-sales", admin, Map.of(
                "sku", "FLASH-MANGO", "priceCents", 199, "quantity", 30, "perUserLimit", 2,
                "startsAt", Instant.now().minusSeconds(1).toString(),
                "endsAt", Instant.now().plusSeconds(600).toString()));
        assertThat(scheduled.status()).as(scheduled.body().toString()).isEqualTo(201);
        String sale = scheduled.body().get("flashSaleId").asString();

        Map<String, String> buyers = new ConcurrentHashMap<>();
        List<Callable<StackClient.Response>> crowd = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String token = client.devToken(stack.apiUrl(), "flash-buyer-" + i, "customer");
            crowd.add(() -> {
                StackClient.Response answer = client.post(stack.apiUrl() + "/api/v1/flash-sales/" + sale + "/orders",
                        token, Map.of("quantity", 1));
                if (answer.status() == 202) {
                    buyers.put(answer.body().get("orderId").asString(), token);
                }
                return answer;
            });
        }
        List<StackClient.Response> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (Future<StackClient.Response> answer : pool.invokeAll(crowd)) {
                answers.add(answer.get());
            }
        }
        assertThat(answers).extracting(StackClient.Response::status).containsOnly(202, 409);
        assertThat(buyers).hasSize(30);

        List<String> orders = List.copyOf(buyers.keySet());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(orders).allSatisfy(order ->
                assertThat(client.get(stack.queryUrl() + "/api/v1/orders/" + order, buyers.get(order))
                        .body().path("status").asString()).isEqualTo("CONFIRMED")));
        for (String order : orders.subList(0, 3)) {
            assertThat(client.post(stack.apiUrl() + "/api/v1/orders/" + order + "/cancellation", buyers.get(order),
                    Map.of()).status()).isEqualTo(202);
        }
        for (String order : orders.subList(3, 5)) {
            assertThat(client.post(stack.apiUrl() + "/api/v1/orders/" + order + "/payment", buyers.get(order),
                    Map.of("amountCents", 199, "paymentRef", "pay-" + order)).status()).isEqualTo(202);
        }

        String analyst = client.devToken(stack.queryUrl(), "analyst-1", "analyst");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            int saleRemaining = client.post(stack.apiUrl() + "/api/v1/flash-sales/" + sale + "/reconciliation",
                    admin, Map.of()).body().get("saleRemaining").asInt();
            StackClient.Response view = client.get(stack.queryUrl() + "/api/v1/flash-sales/" + sale, customer);
            assertThat(saleRemaining).isEqualTo(3);
            assertThat(view.body().get("remaining").asInt()).isEqualTo(saleRemaining);
            assertThat(view.body().get("status").asString()).isEqualTo("ACTIVE");

            var stats = client.get(stack.queryUrl() + "/api/v1/analytics/flash-sales/" + sale, analyst).body();
            assertThat(stats.get("admitted").asInt()).isEqualTo(30);
            assertThat(stats.get("confirmed").asInt()).isEqualTo(30);
            assertThat(stats.get("cancelled").asInt()).isEqualTo(3);
            assertThat(stats.get("paid").asInt()).isEqualTo(2);
            assertThat(stats.get("unitsSold").asInt()).isEqualTo(2);
            assertThat(stats.get("sellThrough").asDouble()).isEqualTo(2.0 / 30);
        });
    }

    @Test
    void a_happy_hour_flash_sale_sells_within_its_hours_refuses_outside_them_and_is_listed_with_them()
            throws Exception {
        assertThat(client.post(stack.apiUrl() + "/api/v1/products", admin, product("FLASH-HAPPY", 20)).status())
                .isEqualTo(201);
        Instant now = Instant.now();
        String inside = happyHourSale("FLASH-HAPPY", now.minusSeconds(120), now.plusSeconds(900));
        String outside = happyHourSale("FLASH-HAPPY", now.plus(Duration.ofHours(2)), now.plus(Duration.ofHours(3)));
        String buyer = client.devToken(stack.apiUrl(), "happy-hour-buyer", "customer");

        StackClient.Response bought = client.post(stack.apiUrl() + "/api/v1/flash-sales/" + inside + "/orders",
                buyer, Map.of("quantity", 1));
        assertThat(bought.status()).as(bought.body().toString()).isEqualTo(202);
        assertProblem(client.post(stack.apiUrl() + "/api/v1/flash-sales/" + outside + "/orders", buyer,
                Map.of("quantity", 1)), 409, "NOT_STARTED");

        String orderId = bought.body().get("orderId").asString();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(client.get(
                stack.queryUrl() + "/api/v1/orders/" + orderId, buyer).body().path("status").asString())
                .isEqualTo("CONFIRMED"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode items = client.get(stack.queryUrl() + "/api/v1/flash-sales?limit=200", customer).body()
                    .get("items");
            List<String> listed = items.findValuesAsString("flashSaleId");
            assertThat(listed).contains(inside, outside);
            JsonNode open = items.get(listed.indexOf(inside));
            assertThat(open.get("happyHours").get("timeZone").asString()).isEqualTo("UTC");
            assertThat(open.get("openNow").asBoolean()).isTrue();
            assertThat(items.get(listed.indexOf(outside)).get("openNow").asBoolean()).isFalse();
        });
    }

    /** A sale of 5 units of {@code sku} running for a day, selling every day from {@code from} to {@code to} (UTC). */
    private static String happyHourSale(String sku, Instant from, Instant to) throws Exception {
        StackClient.Response scheduled = client.post(stack.apiUrl() + "/api/v1/flash-sales", admin, Map.of(
                "sku", sku, "priceCents", 199, "quantity", 5, "perUserLimit", 1,
                "startsAt", Instant.now().minusSeconds(60).toString(),
                "endsAt", Instant.now().plus(Duration.ofDays(1)).toString(),
                "happyHours", HappyHours.everyDayUtc(from, to)));
        assertThat(scheduled.status()).as(scheduled.body().toString()).isEqualTo(201);
        return scheduled.body().get("flashSaleId").asString();
    }

    @Test
    void an_admin_ends_a_flash_sale_early_and_its_units_left_are_back_on_the_product_on_the_query_side()
            throws Exception {
        assertThat(client.post(stack.apiUrl() + "/api/v1/products", admin, product("FLASH-EARLY", 20)).status())
                .isEqualTo(201);
        StackClient.Response scheduled = client.post(stack.apiUrl() + "/api/v1/flash-sales", admin, Map.of(
                "sku", "FLASH-EARLY", "priceCents", 199, "quantity", 5, "perUserLimit", 1,
                "startsAt", Instant.now().minusSeconds(1).toString(),
                "endsAt", Instant.now().plusSeconds(600).toString()));
        assertThat(scheduled.status()).as(scheduled.body().toString()).isEqualTo(201);
        String sale = scheduled.body().get("flashSaleId").asString();
        String buyer = client.devToken(stack.apiUrl(), "early-end-buyer", "customer");
        String late = client.devToken(stack.apiUrl(), "early-end-late", "customer");
        StackClient.Response bought = client.post(stack.apiUrl() + "/api/v1/flash-sales/" + sale + "/orders", buyer,
                Map.of("quantity", 1));
        assertThat(bought.status()).isEqualTo(202);
        String orderId = bought.body().get("orderId").asString();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(client.get(
                stack.queryUrl() + "/api/v1/orders/" + orderId, buyer).body().path("status").asString())
                .isEqualTo("CONFIRMED"));

        StackClient.Response ended = client.post(stack.apiUrl() + "/api/v1/flash-sales/" + sale + "/end", admin,
                Map.of());

        assertThat(ended.status()).as(ended.body().toString()).isEqualTo(200);
        assertThat(ended.body().get("unitsReturned").asInt()).isEqualTo(4);
        assertProblem(client.post(stack.apiUrl() + "/api/v1/flash-sales/" + sale + "/orders", late,
                Map.of("quantity", 1)), 409, "ENDED");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(client.get(
                stack.queryUrl() + "/api/v1/products/FLASH-EARLY", buyer).body().get("availableStock").asInt())
                .as("20 less the 5 set aside plus the 4 returned").isEqualTo(19));
    }

    @Test
    void an_admin_stops_a_coupon_campaign_later_claims_are_refused_and_the_analytics_show_it_stopped()
            throws Exception {
        StackClient.Response campaign = client.post(stack.apiUrl() + "/api/v1/coupon-campaigns", admin, Map.of(
                "type", "AMOUNT_OFF", "amountOffCents", 50, "totalQuantity", 10, "perUserLimit", 1,
                "validFrom", "2020-01-01T00:00:00Z", "validUntil", "2099-01-01T00:00:00Z"));
        assertThat(campaign.status()).as(campaign.body().toString()).isEqualTo(201);
        String campaignId = campaign.body().get("campaignId").asString();
        String early = client.devToken(stack.apiUrl(), "early-claimer", "customer");
        String late = client.devToken(stack.apiUrl(), "late-claimer", "customer");
        String claims = stack.apiUrl() + "/api/v1/coupon-campaigns/" + campaignId + "/claims";
        assertThat(client.post(claims, early, Map.of()).status()).isEqualTo(201);

        StackClient.Response stopped = client.post(stack.apiUrl() + "/api/v1/coupon-campaigns/" + campaignId
                + "/stop", admin, Map.of());

        assertThat(stopped.status()).as(stopped.body().toString()).isEqualTo(200);
        assertThat(stopped.body().get("claimed").asInt()).isEqualTo(1);
        assertProblem(client.post(claims, late, Map.of()), 409, "ENDED");
        assertThat(client.post(stack.apiUrl() + "/api/v1/coupon-campaigns/" + campaignId + "/stop", customer,
                Map.of()).status()).as("a customer stopping it").isEqualTo(403);
        String analyst = client.devToken(stack.apiUrl(), "analyst-1", "analyst");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode stats = client.get(stack.queryUrl() + "/api/v1/analytics/coupon-campaigns/" + campaignId,
                    analyst).body();
            assertThat(stats.path("stoppedAt").isString()).as(stats.toString()).isTrue();
            assertThat(stats.get("claimed").asInt()).isEqualTo(1);
        });
    }

    @Test
    void a_coupon_of_a_campaign_valid_for_days_after_the_claim_is_valid_until_then_not_until_the_campaign_ends()
            throws Exception {
        StackClient.Response campaign = client.post(stack.apiUrl() + "/api/v1/coupon-campaigns", admin, Map.of(
                "type", "AMOUNT_OFF", "amountOffCents", 50, "totalQuantity", 10, "perUserLimit", 1,
                "validFrom", "2020-01-01T00:00:00Z", "validUntil", "2099-01-01T00:00:00Z",
                "validDaysAfterClaim", 7));
        assertThat(campaign.status()).as(campaign.body().toString()).isEqualTo(201);
        String campaignId = campaign.body().get("campaignId").asString();
        String claimer = client.devToken(stack.apiUrl(), "week-claimer", "customer");
        Instant before = Instant.now();
        String couponId = client.post(stack.apiUrl() + "/api/v1/coupon-campaigns/" + campaignId + "/claims",
                claimer, Map.of()).body().get("couponId").asString();
        Instant after = Instant.now();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode mine = client.get(stack.queryUrl() + "/api/v1/me/coupons", claimer).body().get("items");
            assertThat(mine.findValuesAsString("couponId")).containsExactly(couponId);
            Instant validUntil = Instant.parse(mine.get(0).get("terms").get("validUntil").asString());
            assertThat(validUntil).isBetween(before.plus(Duration.ofDays(7)).minusSeconds(1),
                    after.plus(Duration.ofDays(7)).plusSeconds(1));
            JsonNode listed = client.get(stack.queryUrl() + "/api/v1/coupon-campaigns?limit=200", claimer).body()
                    .get("items");
            assertThat(listed.get(listed.findValuesAsString("campaignId").indexOf(campaignId)).get("terms")
                    .get("validDaysAfterClaim").asInt()).isEqualTo(7);
        });
    }

    @Test
    void every_process_is_ready_only_with_the_servers_it_needs_and_exports_pool_metrics() throws Exception {
        Map<String, List<String>> needs = Map.of(
                stack.apiUrl(), List.of("db", "kafka", "redis"),
                stack.workerUrl(), List.of("db", "kafka", "redis"),
                stack.projectionsUrl(), List.of("db", "kafka", "redis"),
                stack.queryUrl(), List.of("db", "redis"));

        for (var process : needs.entrySet()) {
            StackClient.Response readiness = client.get(process.getKey() + "/actuator/health/readiness", null);
            assertThat(readiness.status()).as("readiness of %s: %s", process.getKey(), readiness.body())
                    .isEqualTo(200);
            var components = readiness.body().get("components");
            assertThat(components.propertyNames()).as("readiness of %s", process.getKey())
                    .containsExactlyInAnyOrderElementsOf(concat("readinessState", process.getValue()));
            process.getValue().forEach(server -> assertThat(components.get(server).get("status").asString())
                    .as("%s at %s", server, process.getKey()).isEqualTo("UP"));

            StackClient.Response liveness = client.get(process.getKey() + "/actuator/health/liveness", null);
            assertThat(liveness.status()).isEqualTo(200);
            assertThat(liveness.body().has("components")).as("liveness checks no server").isFalse();

            assertThat(client.getText(process.getKey() + "/actuator/prometheus"))
                    .as("metrics of %s", process.getKey()).contains("hikaricp_connections_active");
        }
    }

    @Test
    void an_admin_refund_before_the_counter_made_the_order_returns_its_units_and_after_only_the_money()
            throws Exception {
        assertThat(client.post(stack.apiUrl() + "/api/v1/products", admin, product("REFUND-TEA", 10)).status())
                .isEqualTo(201);
        String buyer = client.devToken(stack.queryUrl(), "refund-buyer", "customer");
        String staff = client.devToken(stack.apiUrl(), "refund-barista", "staff");
        String unmade = paidOrder("REFUND-TEA", 2, buyer);
        String made = paidOrder("REFUND-TEA", 3, buyer);
        assertThat(client.post(stack.apiUrl() + "/api/v1/orders/" + made + "/preparation", staff, Map.of())
                .status()).isEqualTo(202);

        assertProblem(client.post(stack.apiUrl() + "/api/v1/orders/" + unmade + "/refund", staff,
                Map.of("reason", "spilt")), 403, "FORBIDDEN");
        assertProblem(client.post(stack.apiUrl() + "/api/v1/orders/" + unmade + "/refund", admin, Map.of()),
                400, "VALIDATION_FAILED");
        for (String order : List.of(unmade, made, unmade)) {
            assertThat(client.post(stack.apiUrl() + "/api/v1/orders/" + order + "/refund", admin,
                    Map.of("reason", "customer complaint")).status()).isEqualTo(202);
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (String order : List.of(unmade, made)) {
                JsonNode view = client.get(stack.queryUrl() + "/api/v1/orders/" + order, buyer).body();
                assertThat(view.get("status").asString()).isEqualTo("REFUNDED");
                assertThat(view.get("reason").asString()).isEqualTo("REFUNDED_BY_SHOP");
                assertThat(view.get("reasonDetail").asString()).isEqualTo("customer complaint");
            }
            assertThat(client.get(stack.queryUrl() + "/api/v1/products/REFUND-TEA", buyer).body()
                    .get("availableStock").asInt()).as("10 − 2 − 3 + the 2 of the order never made").isEqualTo(7);
        });
    }

    @Test
    void a_price_change_mid_day_prices_later_orders_while_orders_already_confirmed_keep_their_price()
            throws Exception {
        assertThat(client.post(stack.apiUrl() + "/api/v1/products", admin, product("MENU-PRICE", 10)).status())
                .isEqualTo(201);
        String buyer = client.devToken(stack.queryUrl(), "menu-buyer", "customer");
        String before = settledOrder("MENU-PRICE", 1, buyer, "CONFIRMED");

        StackClient.Response repriced = client.post(stack.apiUrl() + "/api/v1/products/MENU-PRICE/price", admin,
                Map.of("priceCents", 520));
        String after = settledOrder("MENU-PRICE", 1, buyer, "CONFIRMED");

        assertThat(repriced.status()).isEqualTo(200);
        assertThat(repriced.body().get("priceCents").asLong()).isEqualTo(520);
        assertThat(orderView(before, buyer).get("totalCents").asLong()).isEqualTo(480);
        assertThat(orderView(after, buyer).get("totalCents").asLong()).isEqualTo(520);
        assertProblem(client.post(stack.apiUrl() + "/api/v1/orders/" + before + "/payment", buyer,
                Map.of("amountCents", 520, "paymentRef", "pay-too-much")), 409, "PAYMENT_MISMATCH");
        assertThat(client.post(stack.apiUrl() + "/api/v1/orders/" + before + "/payment", buyer,
                Map.of("amountCents", 480, "paymentRef", "pay-" + before)).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(orderView(before, buyer).get("status").asString()).isEqualTo("PAID");
            assertThat(client.get(stack.queryUrl() + "/api/v1/products/MENU-PRICE", buyer).body()
                    .get("priceCents").asLong()).isEqualTo(520);
        });
    }

    @Test
    void a_product_sold_out_for_today_is_refused_until_put_back_and_a_delisted_one_leaves_the_menu_until_relisted()
            throws Exception {
        assertThat(client.post(stack.apiUrl() + "/api/v1/products", admin,
                Map.of("sku", "MENU-PEARL", "name", "Pearl milk tea", "category", "menu-test", "priceCents", 550,
                        "initialStock", 20)).status()).isEqualTo(201);
        String buyer = client.devToken(stack.queryUrl(), "pearl-buyer", "customer");
        String staff = client.devToken(stack.apiUrl(), "pearl-barista", "staff");

        StackClient.Response soldOut = client.post(stack.apiUrl() + "/api/v1/products/MENU-PEARL/sold-out", staff,
                Map.of());
        assertThat(soldOut.status()).isEqualTo(200);
        assertThat(soldOut.body().get("status").asString()).isEqualTo("SOLD_OUT");
        assertThat(Instant.parse(soldOut.body().get("soldOutUntil").asString())).isAfter(Instant.now());
        String refused = settledOrder("MENU-PEARL", 1, buyer, "REJECTED");
        assertThat(orderView(refused, buyer).get("reason").asString()).isEqualTo("SOLD_OUT");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(client.get(stack.queryUrl()
                + "/api/v1/products/MENU-PEARL", buyer).body().get("status").asString()).isEqualTo("SOLD_OUT"));

        assertThat(client.post(stack.apiUrl() + "/api/v1/products/MENU-PEARL/back-on-sale", staff, Map.of())
                .body().get("status").asString()).isEqualTo("ON_SALE");
        settledOrder("MENU-PEARL", 1, buyer, "CONFIRMED");

        assertProblem(client.post(stack.apiUrl() + "/api/v1/products/MENU-PEARL/delist", staff, Map.of()),
                403, "FORBIDDEN");
        assertThat(client.post(stack.apiUrl() + "/api/v1/products/MENU-PEARL/delist", admin, Map.of())
                .body().get("status").asString()).isEqualTo("DELISTED");
        String offMenu = settledOrder("MENU-PEARL", 1, buyer, "REJECTED");
        assertThat(orderView(offMenu, buyer).get("reason").asString()).isEqualTo("DELISTED");
        assertProblem(client.post(stack.apiUrl() + "/api/v1/flash-sales", admin, Map.of("sku", "MENU-PEARL",
                "priceCents", 99, "quantity", 2, "perUserLimit", 1, "startsAt", Instant.now().toString(),
                "endsAt", Instant.now().plusSeconds(600).toString())), 409, "DELISTED");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(client.get(stack.queryUrl() + "/api/v1/products?category=menu-test", buyer).body()
                    .get("items").findValuesAsString("sku")).isEmpty();
            assertThat(client.get(stack.queryUrl() + "/api/v1/products/MENU-PEARL", buyer).body()
                    .get("status").asString()).isEqualTo("DELISTED");
        });

        assertThat(client.post(stack.apiUrl() + "/api/v1/products/MENU-PEARL/relist", admin, Map.of())
                .body().get("status").asString()).isEqualTo("ON_SALE");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(client.get(stack.queryUrl()
                + "/api/v1/products?category=menu-test", buyer).body().get("items").findValuesAsString("sku"))
                .containsExactly("MENU-PEARL"));
    }

    @Test
    void a_drink_is_priced_with_its_options_and_an_order_whose_topping_ran_out_is_rejected_naming_it()
            throws Exception {
        register("OPT-PEARLS", "Tapioca pearls", "toppings", 50, 3);
        register("OPT-MILK-TEA", "Milk tea", "milk-tea", 500, 20);
        StackClient.Response options = client.post(stack.apiUrl() + "/api/v1/products/OPT-MILK-TEA/options", admin,
                Map.of("optionGroups", List.of(
                        Map.of("code", "size", "name", "Size", "minChoices", 1, "maxChoices", 1, "options", List.of(
                                Map.of("code", "m", "name", "Medium", "priceDeltaCents", 0),
                                Map.of("code", "l", "name", "Large", "priceDeltaCents", 60))),
                        Map.of("code", "toppings", "name", "Toppings", "minChoices", 0, "maxChoices", 1,
                                "options", List.of(Map.of("code", "pearls", "name", "Tapioca pearls",
                                        "priceDeltaCents", 50, "stockSku", "OPT-PEARLS"))))));
        assertThat(options.status()).isEqualTo(200);
        String buyer = client.devToken(stack.queryUrl(), "options-buyer", "customer");

        assertProblem(client.post(stack.apiUrl() + "/api/v1/orders", buyer, Map.of("items", List.of(
                Map.of("sku", "OPT-MILK-TEA", "quantity", 1, "options", Map.of("size", List.of("xl")))))),
                422, "VALIDATION_FAILED");
        String made = settledOrder(buyer, "CONFIRMED",
                Map.of("sku", "OPT-MILK-TEA", "quantity", 2,
                        "options", Map.of("size", List.of("l"), "toppings", List.of("pearls"))),
                Map.of("sku", "OPT-MILK-TEA", "quantity", 1, "options", Map.of("size", List.of("m"))));
        String tooMany = settledOrder(buyer, "REJECTED", Map.of("sku", "OPT-MILK-TEA", "quantity", 2,
                "options", Map.of("size", List.of("m"), "toppings", List.of("pearls"))));

        JsonNode order = orderView(made, buyer);
        assertThat(order.get("totalCents").asLong()).as("2 × (500 + 60 + 50) + 500").isEqualTo(1720);
        assertThat(order.get("lines").get(0).get("options").findValuesAsString("name"))
                .containsExactly("Large", "Tapioca pearls");
        JsonNode rejected = orderView(tooMany, buyer);
        assertThat(rejected.get("reason").asString()).isEqualTo("SOLD_OUT");
        assertThat(rejected.get("reasonDetail").asString()).contains("OPT-PEARLS");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(availableStock("OPT-PEARLS", buyer)).as("3 − the 2 of the order made").isEqualTo(1);
            assertThat(availableStock("OPT-MILK-TEA", buyer)).as("20 − 3, the rejected order's 2 back")
                    .isEqualTo(17);
            assertThat(client.get(stack.queryUrl() + "/api/v1/products/OPT-MILK-TEA", buyer).body()
                    .get("optionGroups").findValuesAsString("code")).contains("size", "toppings", "pearls");
        });
    }

    private static void register(String sku, String name, String category, long priceCents, int stock)
            throws Exception {
        assertThat(client.post(stack.apiUrl() + "/api/v1/products", admin, Map.of("sku", sku, "name", name,
                "category", category, "priceCents", priceCents, "initialStock", stock)).status()).isEqualTo(201);
    }

    private static int availableStock(String sku, String token) throws Exception {
        return client.get(stack.queryUrl() + "/api/v1/products/" + sku, token).body().get("availableStock").asInt();
    }

    /** Places an order of these lines and waits until the workers settled it in {@code status}; its id. */
    @SafeVarargs
    private static String settledOrder(String token, String status, Map<String, Object>... lines) throws Exception {
        String order = client.post(stack.apiUrl() + "/api/v1/orders", token, Map.of("items", List.of(lines)))
                .body().get("orderId").asString();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                orderView(order, token).get("status").asString()).isEqualTo(status));
        return order;
    }

    /** Places an order of one line and waits until the workers settled it in {@code status}; its id. */
    private static String settledOrder(String sku, int quantity, String token, String status) throws Exception {
        return settledOrder(token, status, Map.of("sku", sku, "quantity", quantity));
    }

    private static JsonNode orderView(String order, String token) throws Exception {
        return client.get(stack.queryUrl() + "/api/v1/orders/" + order, token).body();
    }

    @Test
    void partial_refunds_give_back_money_only_never_more_than_was_paid_and_a_full_refund_the_rest() throws Exception {
        register("PART-REFUND", "Peach oolong", "tea", 480, 10);
        String buyer = client.devToken(stack.queryUrl(), "partial-buyer", "customer");
        String order = paidOrder("PART-REFUND", 2, buyer);

        assertThat(client.post(stack.apiUrl() + "/api/v1/orders/" + order + "/refund", admin, "partial-1",
                Map.of("reason", "one cup spilt", "amountCents", 480)).status()).isEqualTo(202);
        assertThat(client.post(stack.apiUrl() + "/api/v1/orders/" + order + "/refund", admin, "partial-1",
                Map.of("reason", "one cup spilt", "amountCents", 480)).status()).as("a repeat, same key").isEqualTo(202);
        assertProblem(client.post(stack.apiUrl() + "/api/v1/orders/" + order + "/refund", admin,
                Map.of("reason", "more", "amountCents", 481)), 422, "VALIDATION_FAILED");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode view = orderView(order, buyer);
            assertThat(view.get("status").asString()).isEqualTo("PAID");
            assertThat(view.get("refundedCents").asLong()).as("once, though asked twice").isEqualTo(480);
            assertThat(availableStock("PART-REFUND", buyer)).as("the units stay sold").isEqualTo(8);
        });

        assertThat(client.post(stack.apiUrl() + "/api/v1/orders/" + order + "/refund", admin,
                Map.of("reason", "customer left")).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode view = orderView(order, buyer);
            assertThat(view.get("status").asString()).isEqualTo("REFUNDED");
            assertThat(view.get("refundedCents").asLong()).isEqualTo(960);
            assertThat(availableStock("PART-REFUND", buyer)).as("not made yet: its units are back").isEqualTo(10);
        });
    }

    /**
     * Last, after every other test of the class: the read models the real commands above wrote (menu changes, drink
     * options, partial refunds among them) are what a rebuild from Kafka makes of the same events.
     */
    @Test
    @Order(Integer.MAX_VALUE)
    void every_read_model_equals_its_rebuild_from_kafka() throws Exception {
        RebuildCheck.everyReadModelEqualsItsRebuild(stack.projectionsUrl(), admin, Duration.ofSeconds(60));

        // the query side goes on answering a product across the switch to the rebuilt generation and the deletion
        // of the old one (5 s later), although it remembers the generation it read for a moment
        long until = System.nanoTime() + Duration.ofSeconds(7).toNanos();
        while (System.nanoTime() < until) {
            assertThat(availableStock("PART-REFUND", admin)).as("PART-REFUND on the query side").isEqualTo(10);
            Thread.sleep(100);
        }
    }

    /** Places an order of one line and pays it once it is confirmed; its id. */
    private static String paidOrder(String sku, int quantity, String token) throws Exception {
        String order = settledOrder(sku, quantity, token, "CONFIRMED");
        long total = client.get(stack.queryUrl() + "/api/v1/orders/" + order, token).body().get("totalCents")
                .asLong();
        assertThat(client.post(stack.apiUrl() + "/api/v1/orders/" + order + "/payment", token,
                Map.of("amountCents", total, "paymentRef", "pay-" + order)).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(client.get(stack.queryUrl()
                + "/api/v1/orders/" + order, token).body().get("status").asString()).isEqualTo("PAID"));
        return order;
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new ArrayList<>(rest);
        all.add(first);
        return all;
    }

    private static void assertProblem(StackClient.Response response, int status, String code) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body().get("code").asString()).isEqualTo(code);
        assertThat(response.body().get("status").asInt()).isEqualTo(status);
        assertThat(response.body().get("type").asString()).isNotBlank();
        assertThat(response.body().get("title").asString()).isNotBlank();
    }
}
