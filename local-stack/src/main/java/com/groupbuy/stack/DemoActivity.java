package com.groupbuy.stack;

import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A morning at the demo shop, so that every chart of the console has something to show after {@code bin/run-local}:
 * a coupon campaign, a flash sale and a group-buy deal, and paid orders of four demo customers: regular ones (one
 * with a coupon), two flash-sale purchases and a group of two that completes. Each order is paid once the workers
 * confirmed it, with the total the query side shows. Every POST carries an Idempotency-Key.
 */
public final class DemoActivity {

    private static final Duration CONFIRMATION_PATIENCE = Duration.ofSeconds(60);

    /** A paid order of the demo: its id, the units it bought and whose it is. */
    public record PaidOrder(String orderId, String userId, int units) {
    }

    /** What the demo created. */
    public record Seeded(String campaignId, String flashSaleId, String groupBuyId, List<PaidOrder> paidOrders) {

        public int paidUnits() {
            return paidOrders.stream().mapToInt(PaidOrder::units).sum();
        }
    }

    private record Customer(String userId, String token) {
    }

    private final StackClient client;
    private final String apiUrl;
    private final String queryUrl;
    private final String adminToken;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    private DemoActivity(StackClient client, String apiUrl, String queryUrl, String adminToken) {
        this.client = client;
        this.apiUrl = apiUrl;
        this.queryUrl = queryUrl;
        this.adminToken = adminToken;
    }

    /** Seeds the activity on a stack whose demo catalog ({@link DemoCatalog}) is registered. */
    public static Seeded seed(StackClient client, String apiUrl, String queryUrl, String adminToken)
            throws IOException, InterruptedException {
        return new DemoActivity(client, apiUrl, queryUrl, adminToken).seed();
    }

    private Seeded seed() throws IOException, InterruptedException {
        Instant now = Instant.now();
        List<Customer> customers = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            String userId = "demo-customer-" + i;
            customers.add(new Customer(userId, client.devToken(apiUrl, userId, "customer")));
        }
        String campaignId = created(post("/api/v1/coupon-campaigns", adminToken, Map.of("type", "AMOUNT_OFF",
                "amountOffCents", 100, "totalQuantity", 50, "perUserLimit", 1,
                "validFrom", now.minus(Duration.ofHours(1)).toString(),
                "validUntil", now.plus(Duration.ofDays(30)).toString())), "campaignId");
        String flashSaleId = created(post("/api/v1/flash-sales", adminToken, Map.of("sku", "TARO-MILK",
                "priceCents", 450, "quantity", 10, "perUserLimit", 2, "startsAt", now.minusSeconds(1).toString(),
                "endsAt", now.plus(Duration.ofDays(1)).toString())), "flashSaleId");
        String groupBuyId = created(post("/api/v1/group-buys", adminToken, Map.of("sku", "MATCHA-LATTE",
                "groupPriceCents", 520, "groupSize", 2, "windowSeconds", 3600,
                "startsAt", now.minusSeconds(1).toString(), "endsAt", now.plus(Duration.ofDays(1)).toString())),
                "groupBuyId");

        Customer ann = customers.get(0);
        Customer ben = customers.get(1);
        Customer cho = customers.get(2);
        Customer dee = customers.get(3);
        String bensCoupon = created(post("/api/v1/coupon-campaigns/" + campaignId + "/claims", ben.token(),
                Map.of()), "couponId");
        created(post("/api/v1/coupon-campaigns/" + campaignId + "/claims", ann.token(), Map.of()), "couponId");

        List<PaidOrder> paid = new ArrayList<>();
        paid.add(pay(ann, order(ann, Map.of("BOBA-CLASSIC", 2), null), 2));
        paid.add(pay(ben, order(ben, Map.of("OOLONG-ICED", 1, "MATCHA-LATTE", 1), bensCoupon), 2));
        paid.add(pay(cho, order(cho, Map.of("MANGO-SLUSH", 3), null), 3));
        paid.add(pay(dee, order(dee, Map.of("LEMON-GREEN", 2), null), 2));
        paid.add(pay(ann, created(post("/api/v1/flash-sales/" + flashSaleId + "/orders", ann.token(),
                Map.of("quantity", 1)), "orderId"), 1));
        paid.add(pay(cho, created(post("/api/v1/flash-sales/" + flashSaleId + "/orders", cho.token(),
                Map.of("quantity", 1)), "orderId"), 1));
        StackClient.Response opened = post("/api/v1/group-buys/" + groupBuyId + "/groups", dee.token(), Map.of());
        String opener = created(opened, "orderId");
        JsonNode group = opened.body();
        String joiner = created(post("/api/v1/group-buys/" + groupBuyId + "/groups/" + group.get("groupId")
                .asString() + "/members", ben.token(), Map.of()), "orderId");
        paid.add(pay(dee, opener, 1));
        paid.add(pay(ben, joiner, 1));
        return new Seeded(campaignId, flashSaleId, groupBuyId, List.copyOf(paid));
    }

    /** One more paid order of {@code lines} for a customer of the demo (a live change for the console to show). */
    public static PaidOrder placeAndPay(StackClient client, String apiUrl, String queryUrl, String userId,
                                        Map<String, Integer> lines) throws IOException, InterruptedException {
        DemoActivity demo = new DemoActivity(client, apiUrl, queryUrl, null);
        Customer customer = new Customer(userId, client.devToken(apiUrl, userId, "customer"));
        return demo.pay(customer, demo.order(customer, lines, null),
                lines.values().stream().mapToInt(Integer::intValue).sum());
    }

    private String order(Customer customer, Map<String, Integer> lines, String couponId)
            throws IOException, InterruptedException {
        Map<String, Object> body = new HashMap<>();
        body.put("items", lines.entrySet().stream()
                .map(line -> Map.of("sku", line.getKey(), "quantity", line.getValue())).toList());
        if (couponId != null) {
            body.put("couponId", couponId);
        }
        return created(post("/api/v1/orders", customer.token(), body), "orderId");
    }

    /** Pays the order its total once the workers confirmed it (the query side shows it CONFIRMED). */
    private PaidOrder pay(Customer customer, String orderId, int units) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + CONFIRMATION_PATIENCE.toNanos();
        JsonNode order = client.get(queryUrl + "/api/v1/orders/" + orderId, customer.token()).body();
        while (!"CONFIRMED".equals(order.path("status").asString(""))) {
            if (System.nanoTime() > deadline || order.path("status").asString("").equals("REJECTED")) {
                throw new IllegalStateException("demo order " + orderId + " was not confirmed: " + order);
            }
            Thread.sleep(200);
            order = client.get(queryUrl + "/api/v1/orders/" + orderId, customer.token()).body();
        }
        StackClient.Response payment = post("/api/v1/orders/" + orderId + "/payment", customer.token(),
                Map.of("amountCents", order.get("totalCents").asLong(), "paymentRef", "demo-" + orderId));
        if (payment.status() != 202) {
            throw new IllegalStateException("paying demo order " + orderId + " failed: " + payment);
        }
        return new PaidOrder(orderId, customer.userId(), units);
    }

    /** A POST with a fresh Idempotency-Key, sent again with it while the answer says to retry later. */
    private StackClient.Response post(String path, String token, Object body) throws IOException,
            InterruptedException {
        String key = "demo-" + run + "-" + UUID.randomUUID();
        long deadline = System.nanoTime() + CONFIRMATION_PATIENCE.toNanos();
        StackClient.Response answer = client.post(apiUrl + path, token, key, body);
        while (answer.retryAfter() != null && System.nanoTime() < deadline) {
            Thread.sleep(500);
            answer = client.post(apiUrl + path, token, key, body);
        }
        return answer;
    }

    private static String created(StackClient.Response response, String idField) {
        if (response.status() < 200 || response.status() > 202) {
            throw new IllegalStateException("demo request failed: " + response);
        }
        return response.body().get(idField).asString();
    }
}
