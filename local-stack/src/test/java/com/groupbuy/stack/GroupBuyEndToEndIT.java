package com.groupbuy.stack;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A group buy through every process: an admin creates a deal, three customers fill a group and pay, and the query
 * side shows the group completed, each order PAID at the group price, and the deal's figures to an analyst. Then
 * the counter: a completed group's orders reach the staff's queue, and each is made and handed over for its code.
 */
class GroupBuyEndToEndIT {

    private static LocalStack stack;
    private static final StackClient client = new StackClient();

    @BeforeAll
    static void startStack() throws Exception {
        Path logs = Path.of(System.getProperty("groupbuy.stack.logs", "target/stack-logs"), "group-buy");
        stack = LocalStack.start(StackOptions.forTests(logs));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void three_customers_fill_a_group_pay_at_the_group_price_and_the_query_side_shows_it_completed()
            throws Exception {
        String admin = client.devToken(stack.apiUrl(), "admin-g", "admin");
        String sku = "GROUP-" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(client.post(stack.apiUrl() + "/api/v1/products", admin, Map.of("sku", sku, "name", "Taro milk",
                "category", "milk-tea", "priceCents", 600, "initialStock", 20)).status()).isEqualTo(201);
        Instant now = Instant.now();
        StackClient.Response deal = client.post(stack.apiUrl() + "/api/v1/group-buys", admin, Map.of("sku", sku,
                "groupPriceCents", 450, "groupSize", 3, "windowSeconds", 600,
                "startsAt", now.minusSeconds(1).toString(), "endsAt", now.plusSeconds(3600).toString()));
        assertThat(deal.status()).as(deal.body().toString()).isEqualTo(201);
        String dealId = deal.body().get("groupBuyId").asString();

        List<String> users = List.of("gb-ann", "gb-bob", "gb-cid");
        StackClient.Response opened = client.post(stack.apiUrl() + "/api/v1/group-buys/" + dealId + "/groups",
                token(users.get(0)), Map.of());
        assertThat(opened.status()).isEqualTo(202);
        String groupId = opened.body().get("groupId").asString();
        List<String> orders = new java.util.ArrayList<>(List.of(opened.body().get("orderId").asString()));
        for (String user : users.subList(1, 3)) {
            StackClient.Response joined = client.post(stack.apiUrl() + "/api/v1/group-buys/" + dealId + "/groups/"
                    + groupId + "/members", token(user), Map.of());
            assertThat(joined.status()).isEqualTo(202);
            orders.add(joined.body().get("orderId").asString());
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode groups = client.get(stack.queryUrl() + "/api/v1/group-buys/" + dealId + "/groups?status=OPEN",
                    token(users.get(0))).body();
            assertThat(groups.get("items").findValuesAsString("groupId")).containsExactly(groupId);
            assertThat(groups.get("items").get(0).get("members").asInt()).isEqualTo(3);
        });
        for (int i = 0; i < 3; i++) {
            String order = orders.get(i);
            String token = token(users.get(i));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    client.get(stack.queryUrl() + "/api/v1/orders/" + order, token).body().get("status").asString())
                    .isEqualTo("CONFIRMED"));
            assertThat(client.get(stack.queryUrl() + "/api/v1/orders/" + order, token).body().get("totalCents")
                    .asLong()).isEqualTo(450);
            assertThat(client.post(stack.apiUrl() + "/api/v1/orders/" + order + "/payment", token,
                    Map.of("amountCents", 450, "paymentRef", "pay-" + order)).status()).isEqualTo(202);
        }

        String analyst = client.devToken(stack.queryUrl(), "analyst-g", "analyst");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode completed = client.get(stack.queryUrl() + "/api/v1/group-buys/" + dealId
                    + "/groups?status=COMPLETED", analyst).body();
            assertThat(completed.get("items").findValuesAsString("groupId")).containsExactly(groupId);
            JsonNode figures = client.get(stack.queryUrl() + "/api/v1/analytics/group-buys/" + dealId, analyst)
                    .body();
            assertThat(figures.get("groupsCompleted").asLong()).isEqualTo(1);
            assertThat(figures.get("membersPaid").asLong()).isEqualTo(3);
        });
        for (int i = 0; i < 3; i++) {
            assertThat(client.get(stack.queryUrl() + "/api/v1/orders/" + orders.get(i), token(users.get(i)))
                    .body().get("status").asString()).isEqualTo("PAID");
        }
    }

    @Test
    void a_completed_group_s_orders_reach_the_counter_and_each_is_handed_over_only_for_its_pickup_code()
            throws Exception {
        String admin = client.devToken(stack.apiUrl(), "admin-f", "admin");
        String staff = client.devToken(stack.apiUrl(), "barista-f", "staff");
        String sku = "FULFIL-" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(client.post(stack.apiUrl() + "/api/v1/products", admin, Map.of("sku", sku, "name", "Brown sugar",
                "category", "milk-tea", "priceCents", 650, "initialStock", 20)).status()).isEqualTo(201);
        Instant now = Instant.now();
        String dealId = client.post(stack.apiUrl() + "/api/v1/group-buys", admin, Map.of("sku", sku,
                "groupPriceCents", 500, "groupSize", 2, "windowSeconds", 600,
                "startsAt", now.minusSeconds(1).toString(), "endsAt", now.plusSeconds(3600).toString()))
                .body().get("groupBuyId").asString();
        List<String> users = List.of("ff-ann", "ff-bob");
        StackClient.Response opened = client.post(stack.apiUrl() + "/api/v1/group-buys/" + dealId + "/groups",
                token(users.get(0)), Map.of());
        String groupId = opened.body().get("groupId").asString();
        List<String> orders = List.of(opened.body().get("orderId").asString(),
                client.post(stack.apiUrl() + "/api/v1/group-buys/" + dealId + "/groups/" + groupId + "/members",
                        token(users.get(1)), Map.of()).body().get("orderId").asString());
        payWhenConfirmed(orders.get(0), token(users.get(0)), 500);

        StackClient.Response tooEarly = client.post(stack.apiUrl() + "/api/v1/orders/" + orders.get(0)
                + "/preparation", staff, Map.of());
        assertThat(tooEarly.status()).as("a paid order of a group still open").isEqualTo(409);
        assertThat(tooEarly.body().get("code").asString()).isEqualTo("ILLEGAL_STATE");
        assertThat(client.post(stack.apiUrl() + "/api/v1/orders/" + orders.get(0) + "/preparation",
                token(users.get(0)), Map.of()).status()).as("a customer at the counter's controls").isEqualTo(403);

        payWhenConfirmed(orders.get(1), token(users.get(1)), 500);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                client.get(stack.queryUrl() + "/api/v1/counter/queue?size=200", staff).body().get("items")
                        .findValuesAsString("orderId")).containsAll(orders));

        String order = orders.get(0);
        String code = client.get(stack.queryUrl() + "/api/v1/orders/" + order, token(users.get(0))).body()
                .get("pickupCode").asString();
        assertThat(code).hasSize(4);
        assertThat(client.post(stack.apiUrl() + "/api/v1/orders/" + order + "/preparation", staff, Map.of())
                .status()).isEqualTo(202);
        assertThat(client.post(stack.apiUrl() + "/api/v1/orders/" + order + "/ready", staff, Map.of()).status())
                .isEqualTo(202);
        String wrongCode = code.equals("AAAA") ? "CCCC" : "AAAA";
        StackClient.Response refused = client.post(stack.apiUrl() + "/api/v1/orders/" + order + "/handover", staff,
                Map.of("pickupCode", wrongCode));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.body().get("code").asString()).isEqualTo("PICKUP_CODE_MISMATCH");
        assertThat(client.post(stack.apiUrl() + "/api/v1/orders/" + order + "/handover", staff,
                Map.of("pickupCode", code)).status()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode view = client.get(stack.queryUrl() + "/api/v1/orders/" + order, token(users.get(0))).body();
            assertThat(view.get("status").asString()).isEqualTo("PICKED_UP");
            assertThat(view.get("timeline").findValuesAsString("eventType")).containsSubsequence(
                    "OrderPaid", "OrderGroupCompleted", "OrderPreparationStarted", "OrderReadyForPickup",
                    "OrderPickedUp");
            assertThat(client.get(stack.queryUrl() + "/api/v1/counter/queue?size=200", staff).body().get("items")
                    .findValuesAsString("orderId")).doesNotContain(order).contains(orders.get(1));
        });
    }

    private void payWhenConfirmed(String order, String token, long totalCents) throws Exception {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                client.get(stack.queryUrl() + "/api/v1/orders/" + order, token).body().get("status").asString())
                .isEqualTo("CONFIRMED"));
        assertThat(client.post(stack.apiUrl() + "/api/v1/orders/" + order + "/payment", token,
                Map.of("amountCents", totalCents, "paymentRef", "pay-" + order)).status()).isEqualTo(202);
    }

    private static String token(String userId) throws Exception {
        return client.devToken(stack.apiUrl(), userId, "customer");
    }
}
