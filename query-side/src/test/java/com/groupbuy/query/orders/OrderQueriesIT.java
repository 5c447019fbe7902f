package com.groupbuy.query.orders;

import com.groupbuy.query.QuerySideTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.sql.Timestamp;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /orders/{id} and /me/orders over real HTTP on the orders read model in real PostgreSQL. */
class OrderQueriesIT extends QuerySideTestSupport {

    private static final Instant NOON = Instant.parse("2026-03-01T12:00:00Z");

    private final String ann = unique("ann");
    private final String bob = unique("bob");

    @Test
    void the_owner_reads_its_order_with_lines_totals_and_timeline() throws Exception {
        String orderId = aPaidOrder(ann);

        Answer answer = get("/api/v1/orders/" + orderId, token(ann, "customer"));

        assertThat(answer.status()).isEqualTo(200);
        JsonNode order = answer.body();
        assertThat(order.get("status").asString()).isEqualTo("PAID");
        assertThat(order.get("subtotalCents").asLong()).isEqualTo(1400);
        assertThat(order.get("discountCents").asLong()).isEqualTo(200);
        assertThat(order.get("totalCents").asLong()).isEqualTo(1200);
        assertThat(order.get("reason").isNull()).isTrue();
        assertThat(texts(order.get("lines"), "sku")).containsExactly("TEA", "CAKE");
        assertThat(texts(order.get("lines"), "lineTotalCents")).containsExactly("900", "500");
        assertThat(texts(order.get("timeline"), "eventType"))
                .containsExactly("OrderPlaced", "OrderConfirmed", "OrderPaid");
        assertThat(order.get("timeline").get(0).get("occurredAt").asString()).isEqualTo("2026-03-01T12:00:00Z");
    }

    @Test
    void a_rejected_order_tells_why() throws Exception {
        String orderId = unique("o");
        order(orderId, ann, "REJECTED", NOON);
        readModel.sql("UPDATE orders SET reason = 'SOLD_OUT', reason_detail = 'TEA: 1 left' WHERE order_id = ?")
                .param(orderId).update();

        JsonNode order = get("/api/v1/orders/" + orderId, token(ann, "customer")).body();

        assertThat(order.get("reason").asString()).isEqualTo("SOLD_OUT");
        assertThat(order.get("reasonDetail").asString()).isEqualTo("TEA: 1 left");
        assertThat(order.get("totalCents").isNull()).isTrue();
    }

    @Test
    void an_analyst_reads_anyones_order() throws Exception {
        String orderId = aPaidOrder(ann);

        Answer answer = get("/api/v1/orders/" + orderId, token(bob, "analyst"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("userId").asString()).isEqualTo(ann);
    }

    @Test
    void someone_elses_order_is_403_forbidden() throws Exception {
        String orderId = aPaidOrder(ann);

        assertProblem(get("/api/v1/orders/" + orderId, token(bob, "customer")), 403, "FORBIDDEN");
    }

    @Test
    void an_order_unknown_to_the_read_side_is_404() throws Exception {
        assertProblem(get("/api/v1/orders/" + unique("o"), token(ann, "customer")), 404, "NOT_FOUND");
    }

    @Test
    void my_orders_come_newest_first_a_page_at_a_time() throws Exception {
        String oldest = order(unique("o"), ann, "PAID", NOON);
        String middle = order(unique("o"), ann, "EXPIRED", NOON.plusSeconds(60));
        String newest = order(unique("o"), ann, "PENDING", NOON.plusSeconds(120));
        order(unique("o"), bob, "PAID", NOON.plusSeconds(90));
        String annToken = token(ann, "customer");

        JsonNode first = get("/api/v1/me/orders?size=2", annToken).body();
        JsonNode second = get("/api/v1/me/orders?size=2&page=1", annToken).body();

        assertThat(texts(first.get("items"), "orderId")).containsExactly(newest, middle);
        assertThat(texts(second.get("items"), "orderId")).containsExactly(oldest);
        assertThat(first.get("size").asInt()).isEqualTo(2);
    }

    @Test
    void a_paid_group_member_sees_its_group_waiting_for_more_and_a_flash_order_its_sale() throws Exception {
        String groupOrder = order(unique("o"), ann, "PAID", NOON);
        String group = unique("group");
        readModel.sql("""
                        UPDATE orders SET promotion_kind = 'GROUP_BUY', promotion_id = 'deal-1', group_id = :group
                         WHERE order_id = :order""").param("group", group).param("order", groupOrder).update();
        readModel.sql("""
                        INSERT INTO group_buy_group (group_id, group_buy_id, group_size, status, members, joins,
                                                     paid_members, opened_by, opened_at, expires_at, last_sequence,
                                                     last_event_at)
                        VALUES (:group, 'deal-1', 3, 'OPEN', 2, 2, 1, :ann, :at, :at, 3, :at)""")
                .param("group", group).param("ann", ann).param("at", Timestamp.from(NOON)).update();
        String flashOrder = order(unique("o"), ann, "CONFIRMED", NOON.plusSeconds(60));
        readModel.sql("""
                        UPDATE orders SET promotion_kind = 'FLASH_SALE', promotion_id = 'sale-1'
                         WHERE order_id = :order""").param("order", flashOrder).update();
        String regular = order(unique("o"), ann, "PAID", NOON.plusSeconds(120));
        String annToken = token(ann, "customer");

        JsonNode mine = get("/api/v1/me/orders", annToken).body().get("items");
        JsonNode one = get("/api/v1/orders/" + groupOrder, annToken).body();

        assertThat(texts(mine, "orderId")).containsExactly(regular, flashOrder, groupOrder);
        assertThat(mine.get(0).get("promotion").isNull()).isTrue();
        assertThat(mine.get(1).get("promotion").get("kind").asString()).isEqualTo("FLASH_SALE");
        assertThat(mine.get(1).get("promotion").get("promotionId").asString()).isEqualTo("sale-1");
        JsonNode waiting = mine.get(2).get("promotion");
        assertThat(waiting.get("kind").asString()).isEqualTo("GROUP_BUY");
        assertThat(waiting.get("groupId").asString()).isEqualTo(group);
        assertThat(waiting.get("groupStatus").asString()).isEqualTo("OPEN");
        assertThat(waiting.get("groupSize").asInt() - waiting.get("paidMembers").asInt()).as("payments awaited")
                .isEqualTo(2);
        assertThat(one.get("promotion")).isEqualTo(waiting);
    }

    @Test
    void my_orders_can_be_filtered_by_status() throws Exception {
        String paid = order(unique("o"), ann, "PAID", NOON);
        order(unique("o"), ann, "CANCELLED", NOON.plusSeconds(60));

        JsonNode page = get("/api/v1/me/orders?status=paid", token(ann, "customer")).body();

        assertThat(texts(page.get("items"), "orderId")).containsExactly(paid);
        assertThat(texts(page.get("items"), "status")).containsExactly("PAID");
    }

    @Test
    void an_unknown_status_or_an_oversized_page_is_400_validation_failed() throws Exception {
        String annToken = token(ann, "customer");

        assertProblem(get("/api/v1/me/orders?status=LOST", annToken), 400, "VALIDATION_FAILED");
        assertProblem(get("/api/v1/me/orders?size=101", annToken), 400, "VALIDATION_FAILED");
    }

    @Test
    void order_history_is_for_customers_and_needs_a_token() throws Exception {
        assertProblem(get("/api/v1/me/orders", token(ann, "analyst")), 403, "FORBIDDEN");
        assertProblem(get("/api/v1/me/orders", null), 401, "UNAUTHORIZED");
    }

    @Test
    void the_counter_sees_the_orders_to_make_and_those_waiting_oldest_first_with_their_pickup_codes()
            throws Exception {
        String paid = aPaidOrder(ann);
        String ready = order(unique("o"), bob, "READY", NOON);
        String groupStillOpen = order(unique("o"), bob, "PAID", NOON);
        String pickedUp = order(unique("o"), ann, "PICKED_UP", NOON);
        toPrepareSince(paid, NOON.plusSeconds(120));
        toPrepareSince(ready, NOON.plusSeconds(60));
        toPrepareSince(pickedUp, NOON);
        readModel.sql("UPDATE orders SET collect_by = ? WHERE order_id = ?")
                .params(Timestamp.from(NOON.plusSeconds(1800)), ready).update();

        Answer answer = get("/api/v1/counter/queue?size=200", token("barista", "staff"));

        assertThat(answer.status()).isEqualTo(200);
        java.util.List<JsonNode> mine = new java.util.ArrayList<>();
        answer.body().get("items").forEach(item -> {
            if (java.util.Set.of(paid, ready, groupStillOpen, pickedUp).contains(item.get("orderId").asString())) {
                mine.add(item);
            }
        });
        assertThat(mine).extracting(item -> item.get("orderId").asString()).containsExactly(ready, paid);
        assertThat(mine.get(0).get("collectBy").asString()).isEqualTo("2026-03-01T12:30:00Z");
        assertThat(mine.get(1).get("pickupCode").asString()).isEqualTo(com.groupbuy.contract.PickupCode.of(paid));
        assertThat(texts(mine.get(1).get("lines"), "sku")).containsExactly("TEA", "CAKE");
        JsonNode tea = mine.get(1).get("lines").get(0);
        assertThat(tea.get("options").get(0).get("name").asString()).as("options spelled out").isEqualTo("Large");
        assertThat(tea.get("options").get(1).get("stockSku").asString()).isEqualTo("PEARLS");
        assertThat(mine.get(1).get("lines").get(1).get("options").isEmpty()).isTrue();
        assertThat(get("/api/v1/orders/" + paid, token(ann, "customer")).body().get("pickupCode").asString())
                .isEqualTo(com.groupbuy.contract.PickupCode.of(paid));
    }

    @Test
    void only_staff_and_admins_see_the_counter() throws Exception {
        assertProblem(get("/api/v1/counter/queue", token(ann, "customer")), 403, "FORBIDDEN");
        assertProblem(get("/api/v1/counter/queue", token(ann, "analyst")), 403, "FORBIDDEN");
        assertThat(get("/api/v1/counter/queue", token(ann, "admin")).status()).isEqualTo(200);
    }

    private void toPrepareSince(String orderId, Instant since) {
        readModel.sql("UPDATE orders SET to_prepare_since = ? WHERE order_id = ?")
                .params(Timestamp.from(since), orderId).update();
    }

    private String aPaidOrder(String userId) {
        String orderId = order(unique("o"), userId, "PAID", NOON);
        readModel.sql("""
                        UPDATE orders SET subtotal_cents = 1400, discount_cents = 200, total_cents = 1200,
                                          coupon_id = 'c-1', paid_at = :paidAt, last_sequence = 2
                         WHERE order_id = :orderId""")
                .param("paidAt", Timestamp.from(NOON.plusSeconds(120)))
                .param("orderId", orderId)
                .update();
        line(orderId, 1, "TEA", "tea", 2, 450);
        line(orderId, 2, "CAKE", "cake", 1, 500);
        readModel.sql("UPDATE order_line SET options = ? WHERE order_id = ? AND line_no = 1").params("""
                [{"group":"size","code":"l","name":"Large","priceDeltaCents":60,"stockSku":null},
                 {"group":"toppings","code":"pearls","name":"Pearls","priceDeltaCents":50,"stockSku":"PEARLS"}]""",
                orderId).update();
        event(orderId, 0, "OrderPlaced", "PENDING", NOON);
        event(orderId, 1, "OrderConfirmed", "CONFIRMED", NOON.plusSeconds(1));
        event(orderId, 2, "OrderPaid", "PAID", NOON.plusSeconds(120));
        return orderId;
    }

    private String order(String orderId, String userId, String status, Instant placedAt) {
        readModel.sql("""
                        INSERT INTO orders (order_id, user_id, status, placed_at, updated_at, last_sequence,
                                            last_event_at)
                        VALUES (:orderId, :userId, :status, :at, now(), 0, :at)""")
                .param("orderId", orderId)
                .param("userId", userId)
                .param("status", status)
                .param("at", Timestamp.from(placedAt))
                .update();
        return orderId;
    }

    private void line(String orderId, int lineNo, String sku, String category, int quantity, long unitPrice) {
        readModel.sql("""
                        INSERT INTO order_line (order_id, line_no, sku, category, quantity, unit_price_cents)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(orderId, lineNo, sku, category, quantity, unitPrice)
                .update();
    }

    private void event(String orderId, long sequence, String type, String status, Instant at) {
        readModel.sql("""
                        INSERT INTO order_timeline (order_id, sequence, event_type, status, occurred_at)
                        VALUES (?, ?, ?, ?, ?)""")
                .params(orderId, sequence, type, status, Timestamp.from(at))
                .update();
    }
}
