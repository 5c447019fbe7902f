package com.groupbuy.stack;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
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
        String dealId = runningDeal(admin, "FULFIL-" + UUID.randomUUID().toString().substring(0, 6), 2);
        List<String> users = List.of("ff-ann", "ff-bob");
        StackClient.Response opened = client.post(stack.apiUrl() + "/api/v1/group-buys/" + dealId + "/groups",
                token(users.get(0)), Map.of());
        String groupId = opened.body().get("groupId").asString();
        List<String> orders = List.of(opened.body().get("orderId").asString(),
                client.post(stack.apiUrl() + "/api/v1/group-buys/" + dealId + "/groups/" + groupId + "/members",
                        token(users.get(1)), Map.of()).body().get("orderId").asString());
        payWhenConfirmed(orders.get(0), token(users.get(0)), 400);

        StackClient.Response tooEarly = client.post(stack.apiUrl() + "/api/v1/orders/" + orders.get(0)
                + "/preparation", staff, Map.of());
        assertThat(tooEarly.status()).as("a paid order of a group still open").isEqualTo(409);
        assertThat(tooEarly.body().get("code").asString()).isEqualTo("ILLEGAL_STATE");
        assertThat(client.post(stack.apiUrl() + "/api/v1/orders/" + orders.get(0) + "/preparation",
                token(users.get(0)), Map.of()).status()).as("a customer at the counter's controls").isEqualTo(403);

        payWhenConfirmed(orders.get(1), token(users.get(1)), 400);
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

    @Test
    void a_paused_deal_refuses_newcomers_until_resumed_and_a_cancelled_one_fails_its_open_groups_and_settles_them()
            throws Exception {
        String admin = client.devToken(stack.apiUrl(), "admin-c", "admin");
        String sku = "CANCEL-" + UUID.randomUUID().toString().substring(0, 6);
        String dealId = runningDeal(admin, sku, 3);
        String deal = stack.apiUrl() + "/api/v1/group-buys/" + dealId;
        StackClient.Response opened = client.post(deal + "/groups", token("gc-ann"), Map.of());
        String groupId = opened.body().get("groupId").asString();
        String paidOrder = opened.body().get("orderId").asString();
        String unpaidOrder = client.post(deal + "/groups/" + groupId + "/members", token("gc-bob"), Map.of())
                .body().get("orderId").asString();
        payWhenConfirmed(paidOrder, token("gc-ann"), 400);

        assertThat(client.post(deal + "/pause", admin, Map.of()).body().get("status").asString())
                .isEqualTo("PAUSED");
        StackClient.Response refusedOpen = client.post(deal + "/groups", token("gc-cid"), Map.of());
        assertThat(refusedOpen.status()).isEqualTo(409);
        assertThat(refusedOpen.body().get("code").asString()).isEqualTo("ILLEGAL_STATE");
        assertThat(client.post(deal + "/groups/" + groupId + "/members", token("gc-cid"), Map.of()).status())
                .isEqualTo(409);
        assertThat(client.post(deal + "/resume", admin, Map.of()).body().get("status").asString())
                .isEqualTo("ACTIVE");
        StackClient.Response secondGroup = client.post(deal + "/groups", token("gc-cid"), Map.of());
        assertThat(secondGroup.status()).isEqualTo(202);
        String secondGroupId = secondGroup.body().get("groupId").asString();
        String secondOrder = secondGroup.body().get("orderId").asString();

        assertThat(client.post(deal + "/cancel", admin, Map.of()).body().get("status").asString())
                .isEqualTo("CANCELLED");
        StackClient.Response afterCancel = client.post(deal + "/groups", token("gc-dan"), Map.of());
        assertThat(afterCancel.status()).isEqualTo(409);
        assertThat(afterCancel.body().get("code").asString()).isEqualTo("ENDED");

        String analyst = client.devToken(stack.queryUrl(), "analyst-c", "analyst");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode failed = client.get(stack.queryUrl() + "/api/v1/group-buys/" + dealId
                    + "/groups?status=FAILED", analyst).body();
            assertThat(failed.get("items").findValuesAsString("groupId"))
                    .containsExactlyInAnyOrder(groupId, secondGroupId);
            assertThat(status(paidOrder, "gc-ann")).isEqualTo("REFUNDED");
            assertThat(status(unpaidOrder, "gc-bob")).isEqualTo("CANCELLED");
            assertThat(status(secondOrder, "gc-cid")).isIn("CANCELLED", "REJECTED");
            JsonNode figures = client.get(stack.queryUrl() + "/api/v1/analytics/group-buys/" + dealId, analyst)
                    .body();
            assertThat(figures.get("status").asString()).isEqualTo("CANCELLED");
            assertThat(figures.get("groupsFailed").asLong()).isEqualTo(2);
            assertThat(client.get(stack.queryUrl() + "/api/v1/products/" + sku, analyst).body()
                    .get("availableStock").asInt()).as("every unit back").isEqualTo(20);
        });
        assertThat(client.get(stack.queryUrl() + "/api/v1/group-buys", token("gc-ann")).body().get("items")
                .findValuesAsString("groupBuyId")).doesNotContain(dealId);
    }

    @Test
    void a_customer_finds_a_happy_hour_deal_open_now_joins_its_group_and_sees_how_many_more_it_waits_for()
            throws Exception {
        String admin = client.devToken(stack.apiUrl(), "admin-h", "admin");
        String sku = "HAPPY-" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(client.post(stack.apiUrl() + "/api/v1/products", admin, Map.of("sku", sku, "name", "Lychee tea",
                "category", "tea", "priceCents", 500, "initialStock", 20)).status()).isEqualTo(201);
        Instant now = Instant.now();
        ZonedDateTime utc = now.atZone(ZoneOffset.UTC);
        String nowOpen = happyHourDeal(admin, sku,
                HappyHours.everyDayUtc(now.minus(Duration.ofHours(1)), now.plus(Duration.ofHours(1))));
        String laterToday = happyHourDeal(admin, sku, Map.of("days", List.of(utc.getDayOfWeek().plus(3).name()),
                "timeZone", "UTC", "from", "00:00", "to", "23:59"));

        StackClient.Response opened = client.post(stack.apiUrl() + "/api/v1/group-buys/" + nowOpen + "/groups",
                token("hh-ann"), Map.of());
        assertThat(opened.status()).isEqualTo(202);
        String groupId = opened.body().get("groupId").asString();
        StackClient.Response outsideHours = client.post(stack.apiUrl() + "/api/v1/group-buys/" + laterToday
                + "/groups", token("hh-ann"), Map.of());
        assertThat(outsideHours.status()).isEqualTo(409);
        assertThat(outsideHours.body().get("code").asString()).isEqualTo("NOT_STARTED");

        String bob = token("hh-bob");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode offered = client.get(stack.queryUrl() + "/api/v1/group-buys?limit=200", bob).body()
                    .get("items");
            List<String> ids = offered.findValuesAsString("groupBuyId");
            assertThat(ids).contains(nowOpen, laterToday);
            JsonNode deal = offered.get(ids.indexOf(nowOpen));
            assertThat(deal.get("joinableGroups").asLong()).isEqualTo(1);
            assertThat(deal.get("opensGroupsNow").asBoolean()).isTrue();
            assertThat(offered.get(ids.indexOf(laterToday)).get("opensGroupsNow").asBoolean()).isFalse();
        });
        JsonNode open = client.get(stack.queryUrl() + "/api/v1/group-buys/" + nowOpen + "/groups?status=OPEN", bob)
                .body();
        assertThat(open.get("items").findValuesAsString("groupId")).containsExactly(groupId);
        StackClient.Response joined = client.post(stack.apiUrl() + "/api/v1/group-buys/" + nowOpen + "/groups/"
                + groupId + "/members", bob, Map.of());
        assertThat(joined.status()).isEqualTo(202);
        String order = joined.body().get("orderId").asString();
        payWhenConfirmed(order, bob, 400);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode promotion = client.get(stack.queryUrl() + "/api/v1/orders/" + order, bob).body()
                    .get("promotion");
            assertThat(promotion.get("groupStatus").asString()).isEqualTo("OPEN");
            assertThat(promotion.get("groupSize").asInt() - promotion.get("paidMembers").asInt())
                    .as("paid, waiting for 2 more").isEqualTo(2);
        });
    }

    @Test
    void members_choose_the_options_their_deal_allows_pay_them_on_top_and_see_them_on_their_order() throws Exception {
        String admin = client.devToken(stack.apiUrl(), "admin-go", "admin");
        String sku = "GROUP-OPT-" + UUID.randomUUID().toString().substring(0, 6);
        String pearls = sku + "-PEARLS";
        for (String product : List.of(sku, pearls)) {
            assertThat(client.post(stack.apiUrl() + "/api/v1/products", admin, Map.of("sku", product,
                    "name", "Brown sugar milk", "category", "milk-tea", "priceCents", 600, "initialStock", 10))
                    .status()).isEqualTo(201);
        }
        assertThat(client.post(stack.apiUrl() + "/api/v1/products/" + sku + "/options", admin, Map.of("optionGroups",
                List.of(Map.of("code", "size", "name", "Size", "minChoices", 1, "maxChoices", 1, "options", List.of(
                                Map.of("code", "m", "name", "Medium", "priceDeltaCents", 0),
                                Map.of("code", "l", "name", "Large", "priceDeltaCents", 60))),
                        Map.of("code", "sugar", "name", "Sugar", "minChoices", 0, "maxChoices", 1, "options",
                                List.of(Map.of("code", "50", "name", "Half sugar", "priceDeltaCents", 0))),
                        Map.of("code", "toppings", "name", "Toppings", "minChoices", 0, "maxChoices", 1,
                                "options", List.of(Map.of("code", "pearls", "name", "Tapioca pearls",
                                        "priceDeltaCents", 50, "stockSku", pearls)))))).status()).isEqualTo(200);
        Instant now = Instant.now();
        StackClient.Response deal = client.post(stack.apiUrl() + "/api/v1/group-buys", admin, Map.of("sku", sku,
                "groupPriceCents", 450, "groupSize", 2, "windowSeconds", 600, "allowedOptions",
                List.of("sugar", "toppings"), "startsAt", now.minusSeconds(1).toString(),
                "endsAt", now.plusSeconds(3600).toString()));
        assertThat(deal.status()).as(deal.body().toString()).isEqualTo(201);
        String dealId = deal.body().get("groupBuyId").asString();

        StackClient.Response large = client.post(stack.apiUrl() + "/api/v1/group-buys/" + dealId + "/groups",
                token("go-ann"), Map.of("options", Map.of("size", List.of("l"))));
        assertThat(large.status()).isEqualTo(422);
        assertThat(large.body().get("detail").asString()).contains("size is not offered under this deal");
        StackClient.Response opened = client.post(stack.apiUrl() + "/api/v1/group-buys/" + dealId + "/groups",
                token("go-ann"), Map.of("options", Map.of("sugar", List.of("50"), "toppings", List.of("pearls"))));
        assertThat(opened.status()).as(opened.body().toString()).isEqualTo(202);
        String order = opened.body().get("orderId").asString();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode view = client.get(stack.queryUrl() + "/api/v1/orders/" + order, token("go-ann")).body();
            assertThat(view.get("status").asString()).isEqualTo("CONFIRMED");
            assertThat(view.get("totalCents").asLong()).as("450 + the pearls' 50").isEqualTo(500);
            assertThat(view.get("lines").get(0).get("options").findValuesAsString("name"))
                    .containsExactly("Half sugar", "Tapioca pearls");
            assertThat(client.get(stack.queryUrl() + "/api/v1/products/" + pearls, token("go-ann")).body()
                    .get("availableStock").asInt()).as("one held for the member's drink").isEqualTo(9);
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(client.get(stack.queryUrl()
                + "/api/v1/group-buys?limit=200", token("go-ann")).body().get("items").findValues("allowedOptions")
                .stream().map(JsonNode::toString)).contains("[\"sugar\",\"toppings\"]"));
    }

    private static String happyHourDeal(String admin, String sku, Map<String, Object> happyHours) throws Exception {
        Instant now = Instant.now();
        StackClient.Response deal = client.post(stack.apiUrl() + "/api/v1/group-buys", admin, Map.of("sku", sku,
                "groupPriceCents", 400, "groupSize", 3, "windowSeconds", 600, "happyHours", happyHours,
                "startsAt", now.minusSeconds(1).toString(), "endsAt", now.plusSeconds(3600).toString()));
        assertThat(deal.status()).as(deal.body().toString()).isEqualTo(201);
        return deal.body().get("groupBuyId").asString();
    }

    /** A product of 20 units at 500 and a deal on it running now: 400 in groups of {@code groupSize}; its id. */
    private static String runningDeal(String admin, String sku, int groupSize) throws Exception {
        assertThat(client.post(stack.apiUrl() + "/api/v1/products", admin, Map.of("sku", sku, "name", "Oolong",
                "category", "tea", "priceCents", 500, "initialStock", 20)).status()).isEqualTo(201);
        Instant now = Instant.now();
        StackClient.Response deal = client.post(stack.apiUrl() + "/api/v1/group-buys", admin, Map.of("sku", sku,
                "groupPriceCents", 400, "groupSize", groupSize, "windowSeconds", 600,
                "startsAt", now.minusSeconds(1).toString(), "endsAt", now.plusSeconds(3600).toString()));
        assertThat(deal.status()).as(deal.body().toString()).isEqualTo(201);
        return deal.body().get("groupBuyId").asString();
    }

    private String status(String order, String userId) throws Exception {
        return client.get(stack.queryUrl() + "/api/v1/orders/" + order, token(userId)).body().get("status")
                .asString();
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
