package com.groupbuy.command.infrastructure.idempotency;

import com.groupbuy.command.RealServers;
import com.groupbuy.command.StoredEvents;
import com.groupbuy.command.flashsale.model.DescribeFlashSaleAllocation;
import com.groupbuy.command.flashsale.model.FlashSaleAllocation;
import com.groupbuy.command.product.model.RegisterProduct;
import com.groupbuy.events.product.ProductRegistered;
import com.groupbuy.events.product.StockReturned;
import com.groupbuy.events.product.StockSetAside;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Idempotency-Key over real HTTP, with the answers kept in the real PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"api", "local"})
class IdempotencyKeyIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealServers.wire(registry, "eventstore_idempotency_it");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EventStore eventStore;

    @Autowired
    CommandGateway commands;

    private final HttpClient http = HttpClient.newHttpClient();
    private String customer;
    private String admin;

    record Answer(int status, JsonNode body, boolean replayed) {
    }

    @BeforeEach
    void tokens() throws Exception {
        customer = post("/api/v1/dev/tokens", null, null, "{\"userId\":\"idem-u1\",\"roles\":[\"customer\"]}")
                .body().get("token").asString();
        admin = post("/api/v1/dev/tokens", null, null, "{\"userId\":\"idem-admin\",\"roles\":[\"admin\"]}")
                .body().get("token").asString();
    }

    @Test
    void a_repeated_order_gets_the_first_answer_and_the_same_order_id() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = "{\"items\":[{\"sku\":\"TEA-1\",\"quantity\":1}]}";

        Answer first = post("/api/v1/orders", customer, key, body);
        Answer repeat = post("/api/v1/orders", customer, key, body);

        assertThat(first.status()).isEqualTo(202);
        assertThat(repeat.status()).isEqualTo(202);
        assertThat(repeat.replayed()).isTrue();
        assertThat(repeat.body().get("orderId").asString()).isEqualTo(first.body().get("orderId").asString());
    }

    @Test
    void the_same_key_with_a_different_request_is_422() throws Exception {
        String key = UUID.randomUUID().toString();
        post("/api/v1/orders", customer, key, "{\"items\":[{\"sku\":\"TEA-1\",\"quantity\":1}]}");

        Answer other = post("/api/v1/orders", customer, key, "{\"items\":[{\"sku\":\"TEA-1\",\"quantity\":2}]}");

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.body().get("code").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void keys_are_per_user() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = "{\"items\":[{\"sku\":\"TEA-1\",\"quantity\":1}]}";
        String someoneElse = post("/api/v1/dev/tokens", null, null,
                "{\"userId\":\"idem-u2\",\"roles\":[\"customer\"]}").body().get("token").asString();

        Answer mine = post("/api/v1/orders", customer, key, body);
        Answer theirs = post("/api/v1/orders", someoneElse, key, body);

        assertThat(theirs.replayed()).isFalse();
        assertThat(theirs.body().get("orderId").asString()).isNotEqualTo(mine.body().get("orderId").asString());
    }

    @Test
    void a_repeated_campaign_creation_creates_one_campaign() throws Exception {
        String key = UUID.randomUUID().toString();
        String body = "{\"type\":\"AMOUNT_OFF\",\"amountOffCents\":100,\"totalQuantity\":5,\"perUserLimit\":1,"
                + "\"validFrom\":\"2026-01-01T00:00:00Z\",\"validUntil\":\"2030-01-01T00:00:00Z\"}";

        Answer first = post("/api/v1/coupon-campaigns", admin, key, body);
        Answer repeat = post("/api/v1/coupon-campaigns", admin, key, body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(repeat.status()).isEqualTo(201);
        assertThat(repeat.body().get("campaignId").asString()).isEqualTo(first.body().get("campaignId").asString());
    }

    @Test
    void an_overlong_key_is_refused() throws Exception {
        Answer answer = post("/api/v1/orders", customer, "k".repeat(65), "{\"items\":[{\"sku\":\"T\",\"quantity\":1}]}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body().get("code").asString()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void a_campaign_creation_repeated_after_its_process_died_creates_one_campaign() throws Exception {
        Repeat creation = repeatedAfterItsProcessDied("/api/v1/coupon-campaigns", admin, "idem-admin",
                "{\"type\":\"AMOUNT_OFF\",\"amountOffCents\":100,\"totalQuantity\":5,\"perUserLimit\":1,"
                        + "\"validFrom\":\"2026-01-01T00:00:00Z\",\"validUntil\":\"2030-01-01T00:00:00Z\"}");

        creation.answeredAsTheFirstTime("campaignId");
        assertThat(new StoredEvents(eventStore).typesOf(creation.id("campaignId")))
                .containsExactly("CouponCampaignCreated");
    }

    @Test
    void a_coupon_claim_repeated_after_its_process_died_issues_one_coupon() throws Exception {
        String campaign = post("/api/v1/coupon-campaigns", admin, null, "{\"type\":\"AMOUNT_OFF\","
                + "\"amountOffCents\":100,\"totalQuantity\":5,\"perUserLimit\":3,"
                + "\"validFrom\":\"2026-01-01T00:00:00Z\",\"validUntil\":\"2030-01-01T00:00:00Z\"}")
                .body().get("campaignId").asString();

        Repeat claim = repeatedAfterItsProcessDied("/api/v1/coupon-campaigns/" + campaign + "/claims", customer,
                "idem-u1", "");

        claim.answeredAsTheFirstTime("couponId");
        assertThat(new StoredEvents(eventStore).typesOf(campaign))
                .containsExactly("CouponCampaignCreated", "CouponClaimed");
    }

    @Test
    void a_flash_sale_creation_repeated_after_its_process_died_schedules_one_sale_over_the_same_units()
            throws Exception {
        String sku = product(100);

        Repeat creation = repeatedAfterItsProcessDied("/api/v1/flash-sales", admin, "idem-admin",
                "{\"sku\":\"%s\",\"priceCents\":199,\"quantity\":10,\"perUserLimit\":2,%s}"
                        .formatted(sku, window()));

        String sale = creation.id("flashSaleId");
        StoredEvents events = new StoredEvents(eventStore);
        FlashSaleAllocation allocation = commands.sendAndWait(new DescribeFlashSaleAllocation(sale));
        assertThat(onHand(events, sku) + allocation.remaining())
                .as("units on hand and in the sale after a repeat answered %s", creation.retry())
                .isEqualTo(100);
        assertThat(events.typesOf(sku)).containsExactly("ProductRegistered", "StockSetAside");
        assertThat(events.typesOf(sale)).containsExactly("FlashSaleScheduled");
        creation.answeredAsTheFirstTime("flashSaleId");
    }

    @Test
    void a_group_buy_creation_repeated_after_its_process_died_creates_one_deal() throws Exception {
        String sku = product(10);

        Repeat creation = repeatedAfterItsProcessDied("/api/v1/group-buys", admin, "idem-admin",
                "{\"sku\":\"%s\",\"groupPriceCents\":300,\"groupSize\":3,\"windowSeconds\":120,%s}"
                        .formatted(sku, window()));

        creation.answeredAsTheFirstTime("groupBuyId");
        assertThat(new StoredEvents(eventStore).typesOf(creation.id("groupBuyId")))
                .containsExactly("GroupBuyCreated");
    }

    @Test
    void a_user_id_longer_than_64_characters_is_refused_as_unauthorized_not_a_fault() throws Exception {
        String longSubject = RealServers.signedToken("u".repeat(65), "customer");

        Answer answer = post("/api/v1/orders", longSubject, UUID.randomUUID().toString(),
                "{\"items\":[{\"sku\":\"TEA-1\",\"quantity\":1}]}");

        assertThat(answer.status()).as(answer.body().toString()).isEqualTo(401);
        assertThat(answer.body().get("code").asString()).isEqualTo("UNAUTHORIZED");
    }

    @Test
    void a_chunked_body_over_64_kib_is_413_problem_json() throws Exception {
        byte[] body = ("{\"items\":[{\"sku\":\"" + "x".repeat(70_000) + "\",\"quantity\":1}]}")
                .getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = send("/api/v1/orders", customer, UUID.randomUUID().toString(),
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
        assertThat(JSON.readTree(response.body()).get("code").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    private String product(int stock) {
        String sku = "IDEM-" + UUID.randomUUID().toString().substring(0, 8);
        commands.sendAndWait(new RegisterProduct(sku, "Idempotent tea", "tea", 500, stock));
        return sku;
    }

    /** The product's stock on hand after the events a sale's creation stores: registered, set aside, returned. */
    private static int onHand(StoredEvents events, String sku) {
        int onHand = 0;
        for (Object event : events.payloadsOf(sku)) {
            onHand = switch (event) {
                case ProductRegistered registered -> registered.initialStock();
                case StockSetAside setAside -> setAside.stockAfter();
                case StockReturned returned -> returned.stockAfter();
                default -> onHand;
            };
        }
        return onHand;
    }

    /** A POST that answered 201, then the same POST again after its process died before keeping the answer. */
    private Repeat repeatedAfterItsProcessDied(String path, String token, String userId, String body)
            throws Exception {
        String key = UUID.randomUUID().toString();
        Answer first = post(path, token, key, body);
        assertThat(first.status()).as(first.body().toString()).isEqualTo(201);
        diedBeforeAnswering(userId, key);
        return new Repeat(first, post(path, token, key, body));
    }

    record Repeat(Answer first, Answer retry) {

        String id(String field) {
            return first.body().get(field).asString();
        }

        /** No answer was kept to replay, yet the repeat answers the first answer's status and id. */
        void answeredAsTheFirstTime(String idField) {
            assertThat(retry.replayed()).isFalse();
            assertThat(retry.status()).as(retry.body().toString()).isEqualTo(first.status());
            assertThat(retry.body().get(idField).asString()).isEqualTo(id(idField));
        }
    }

    /** A window open from a second ago for an hour, as the JSON fields startsAt and endsAt. */
    private static String window() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return "\"startsAt\":\"%s\",\"endsAt\":\"%s\"".formatted(now.minusSeconds(1), now.plusSeconds(3600));
    }

    /** As if the process died after the command ran and before the answer was kept, over 30 s ago. */
    private void diedBeforeAnswering(String userId, String key) {
        assertThat(jdbc.sql("""
                        UPDATE idempotency_record
                           SET status_code = NULL, content_type = NULL, response_body = NULL,
                               started_at = started_at - INTERVAL '1 minute'
                         WHERE user_id = ? AND idem_key = ?""")
                .params(userId, key)
                .update()).isEqualTo(1);
    }

    private Answer post(String path, String token, String key, String body) throws Exception {
        HttpResponse<String> response = send(path, token, key, HttpRequest.BodyPublishers.ofString(body));
        JsonNode json = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        return new Answer(response.statusCode(), json,
                response.headers().firstValue("Idempotent-Replayed").isPresent());
    }

    private HttpResponse<String> send(String path, String token, String key, HttpRequest.BodyPublisher body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .version(HttpClient.Version.HTTP_1_1)
                .header("Content-Type", "application/json")
                .POST(body);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
