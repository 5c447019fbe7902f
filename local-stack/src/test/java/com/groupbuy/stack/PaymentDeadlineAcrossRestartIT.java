package com.groupbuy.stack;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The payment window and a group's window are durable deadlines: they fire even when every process was down when
 * they came due.
 */
class PaymentDeadlineAcrossRestartIT {

    private static final Duration PAYMENT_WINDOW = Duration.ofSeconds(20);
    private static final Duration GROUP_WINDOW = Duration.ofSeconds(15);

    private static LocalStack stack;
    private static final StackClient client = new StackClient();

    @BeforeAll
    static void startStack() throws Exception {
        Path logs = Path.of(System.getProperty("groupbuy.stack.logs", "target/stack-logs"), "deadline");
        stack = LocalStack.start(StackOptions.forTests(logs)
                .withArguments("--groupbuy.orders.payment-window=" + PAYMENT_WINDOW.toSeconds() + "s"));
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void an_unpaid_order_expires_and_a_group_short_of_members_fails_after_a_restart_of_every_process()
            throws Exception {
        String admin = client.devToken(stack.apiUrl(), "admin-d", "admin");
        String customer = client.devToken(stack.apiUrl(), "late-payer", "customer");
        String sku = "DUE-" + UUID.randomUUID().toString().substring(0, 6);
        client.post(stack.apiUrl() + "/api/v1/products", admin, Map.of("sku", sku, "name", "Due tea",
                "category", "tea", "priceCents", 400, "initialStock", 5));
        String orderId = client.post(stack.apiUrl() + "/api/v1/orders", customer,
                Map.of("items", List.of(Map.of("sku", sku, "quantity", 2)))).body().get("orderId").asString();
        GroupShortOfMembers group = groupShortOfMembers(admin);
        EventStoreProbe store = new EventStoreProbe(stack);
        await().atMost(Duration.ofSeconds(30)).until(() -> store.eventTypesOf(orderId).contains("OrderConfirmed")
                && store.eventTypesOf(group.paidOrderId()).contains("OrderConfirmed"));
        String opener = client.devToken(stack.apiUrl(), "group-opener", "customer");
        assertThat(client.post(stack.apiUrl() + "/api/v1/orders/" + group.paidOrderId() + "/payment", opener,
                Map.of("amountCents", 300, "paymentRef", "pay-" + group.paidOrderId())).status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                store.eventTypesOf(group.groupId()).contains("GroupMemberPaid"));

        long restartStarted = System.nanoTime();
        stack.restartAll();
        assertThat(Duration.ofNanos(System.nanoTime() - restartStarted)).isLessThan(PAYMENT_WINDOW.multipliedBy(6));

        await().atMost(PAYMENT_WINDOW.plusSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            assertThat(store.eventTypesOf(orderId)).containsExactly("OrderPlaced", "OrderConfirmed", "OrderExpired");
            assertThat(store.eventTypesOf(sku)).containsSubsequence("StockReserved", "StockReleased");
            assertThat(store.eventTypesOf(group.groupId())).contains("GroupFailed");
            assertThat(store.eventTypesOf(group.paidOrderId())).endsWith("OrderPaid", "OrderRefunded");
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                client.get(stack.queryUrl() + "/api/v1/products/" + sku, customer).body().get("availableStock").asInt())
                .isEqualTo(5));
    }

    private record GroupShortOfMembers(String groupId, String paidOrderId) {
    }

    /** A deal for groups of three within {@link #GROUP_WINDOW}, and one group with one member. */
    private GroupShortOfMembers groupShortOfMembers(String admin) throws Exception {
        String sku = "DUE-G-" + UUID.randomUUID().toString().substring(0, 6);
        client.post(stack.apiUrl() + "/api/v1/products", admin, Map.of("sku", sku, "name", "Group tea",
                "category", "tea", "priceCents", 500, "initialStock", 5));
        Instant now = Instant.now();
        String deal = client.post(stack.apiUrl() + "/api/v1/group-buys", admin, Map.of("sku", sku,
                "groupPriceCents", 300, "groupSize", 3, "windowSeconds", GROUP_WINDOW.toSeconds(),
                "startsAt", now.minusSeconds(1).toString(), "endsAt", now.plusSeconds(3600).toString()))
                .body().get("groupBuyId").asString();
        String opener = client.devToken(stack.apiUrl(), "group-opener", "customer");
        StackClient.Response opened = client.post(stack.apiUrl() + "/api/v1/group-buys/" + deal + "/groups", opener,
                Map.of());
        assertThat(opened.status()).isEqualTo(202);
        return new GroupShortOfMembers(opened.body().get("groupId").asString(),
                opened.body().get("orderId").asString());
    }
}
