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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a storefront app does, over HTTP only: sets up a catalog as an admin, signs customers in, and sends their
 * orders and flash-sale purchases the way a well-behaved client does: with an Idempotency-Key, sent again with the
 * same key while the answer says to retry after a while (429, 503, a 409 for a repeat still in progress) or there is
 * no answer at all. Every status it ever receives is counted, so a test can
 * say no request ever got a 500.
 */
final class Storefront {

    /** How long a request is sent again while the system answers with Retry-After, or does not answer. */
    private static final Duration PATIENCE = Duration.ofSeconds(150);
    private static final Duration PAUSE = Duration.ofMillis(250);

    private final LocalStack stack;
    private final StackClient client = StackClient.withNewConnectionPerRequest();
    private final String admin;
    private final ConcurrentMap<Integer, AtomicInteger> statusesSeen = new ConcurrentHashMap<>();
    private final AtomicInteger noAnswer = new AtomicInteger();

    Storefront(LocalStack stack) throws IOException, InterruptedException {
        this.stack = stack;
        this.admin = client.devToken(stack.apiUrl(), "fault-admin", "admin");
    }

    record Customer(String userId, String token) {
    }

    /** An order the system accepted (202), with what it asked for. */
    record Accepted(String orderId, Customer customer, Map<String, Integer> lines, String couponId,
                    String flashSaleId) {
    }

    String admin() {
        return admin;
    }

    List<Customer> customers(String prefix, int count) throws IOException, InterruptedException {
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String userId = prefix + "-" + run + "-" + i;
            customers.add(new Customer(userId, client.devToken(stack.apiUrl(), userId, "customer")));
        }
        return customers;
    }

    String product(String prefix, long priceCents, int initialStock) throws Exception {
        String sku = prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
        created(post("/api/v1/products", admin, Map.of("sku", sku, "name", "Fault tea", "category", "tea",
                "priceCents", priceCents, "initialStock", initialStock)));
        return sku;
    }

    String couponCampaign(long amountOffCents, int quantity) throws Exception {
        return created(post("/api/v1/coupon-campaigns", admin, Map.of("type", "AMOUNT_OFF",
                "amountOffCents", amountOffCents, "totalQuantity", quantity, "perUserLimit", 1,
                "validFrom", "2020-01-01T00:00:00Z", "validUntil", "2099-01-01T00:00:00Z")))
                .get("campaignId").asString();
    }

    String claimCoupon(Customer customer, String campaignId) throws Exception {
        return created(post("/api/v1/coupon-campaigns/" + campaignId + "/claims", customer.token(), Map.of()))
                .get("couponId").asString();
    }

    /** A flash sale of {@code quantity} units of {@code sku}, open from now for an hour. */
    String flashSale(String sku, long priceCents, int quantity, int perUserLimit) throws Exception {
        Instant now = Instant.now();
        return created(post("/api/v1/flash-sales", admin, Map.of("sku", sku, "priceCents", priceCents,
                "quantity", quantity, "perUserLimit", perUserLimit, "startsAt", now.minusSeconds(1).toString(),
                "endsAt", now.plusSeconds(3600).toString()))).get("flashSaleId").asString();
    }

    /** A group-buy deal on {@code sku} whose groups of {@code groupSize} have {@code windowSeconds} to fill. */
    String groupBuy(String sku, long groupPriceCents, int groupSize, long windowSeconds) throws Exception {
        return groupBuy(sku, groupPriceCents, groupSize, windowSeconds, List.of());
    }

    /** The same, its members choosing among the product's option groups {@code allowedOptions}. */
    String groupBuy(String sku, long groupPriceCents, int groupSize, long windowSeconds, List<String> allowedOptions)
            throws Exception {
        Instant now = Instant.now();
        return created(post("/api/v1/group-buys", admin, Map.of("sku", sku, "groupPriceCents", groupPriceCents,
                "groupSize", groupSize, "windowSeconds", windowSeconds, "allowedOptions", allowedOptions,
                "startsAt", now.minusSeconds(1).toString(), "endsAt", now.plusSeconds(3600).toString())))
                .get("groupBuyId").asString();
    }

    /** Gives {@code sku} one optional topping, {@code pearls}, at 50 on top, drawn from the stock of that product. */
    void offerPearls(String sku, String pearls) throws Exception {
        StackClient.Response answer = post("/api/v1/products/" + sku + "/options", admin, Map.of("optionGroups",
                List.of(Map.of("code", "toppings", "name", "Toppings", "minChoices", 0, "maxChoices", 1,
                        "options", List.of(Map.of("code", "pearls", "name", "Tapioca pearls", "priceDeltaCents", 50,
                                "stockSku", pearls))))));
        assertThat(answer.status()).as("options of %s: %s", sku, answer.body()).isEqualTo(200);
    }

    /** Opens a group of the deal for {@code customer}: its group id and the opener's order. */
    Map.Entry<String, Accepted> openGroup(String dealId, Customer customer, String sku) throws Exception {
        return openGroup(dealId, customer, sku, Map.of());
    }

    /** The same, with the opener's {@code options} (option group code to chosen option codes). */
    Map.Entry<String, Accepted> openGroup(String dealId, Customer customer, String sku,
                                          Map<String, List<String>> options) throws Exception {
        StackClient.Response opened = post("/api/v1/group-buys/" + dealId + "/groups", customer.token(),
                options.isEmpty() ? Map.of() : Map.of("options", options));
        assertThat(opened.status()).as("opening a group: %s", opened.body()).isEqualTo(202);
        Accepted order = new Accepted(opened.body().get("orderId").asString(), customer, Map.of(sku, 1), null, null);
        return Map.entry(opened.body().get("groupId").asString(), order);
    }

    /** An order of {@code lines}; the accepted order, or null when the system refused it outright. */
    Accepted order(Customer customer, Map<String, Integer> lines, String couponId) throws Exception {
        Map<String, Object> body = new HashMap<>();
        body.put("items", lines.entrySet().stream()
                .map(line -> Map.of("sku", line.getKey(), "quantity", line.getValue())).toList());
        if (couponId != null) {
            body.put("couponId", couponId);
        }
        StackClient.Response answer = post("/api/v1/orders", customer.token(), body);
        return answer.status() == 202
                ? new Accepted(answer.body().get("orderId").asString(), customer, lines, couponId, null)
                : null;
    }

    /** A flash-sale purchase of one unit; the accepted order, or null when the gate refused it. */
    Accepted buy(Customer customer, String flashSaleId, String sku) throws Exception {
        StackClient.Response answer = post("/api/v1/flash-sales/" + flashSaleId + "/orders", customer.token(),
                Map.of("quantity", 1));
        return answer.status() == 202
                ? new Accepted(answer.body().get("orderId").asString(), customer, Map.of(sku, 1), null, flashSaleId)
                : null;
    }

    JsonNode get(String url) throws IOException, InterruptedException {
        return client.get(url, admin).body();
    }

    /** How many answers of each status this storefront received, retries included. */
    Map<Integer, Integer> statusesSeen() {
        Map<Integer, Integer> counts = new HashMap<>();
        statusesSeen.forEach((status, count) -> counts.put(status, count.get()));
        return counts;
    }

    /** Requests that got no answer at all (connection refused or reset, or no answer within 30 s), retries included. */
    int unanswered() {
        return noAnswer.get();
    }

    /** Sends a POST through the api endpoint with a fresh Idempotency-Key, again while overloaded or unanswered. */
    private StackClient.Response post(String path, String token, Object body) throws Exception {
        String key = "fault-" + UUID.randomUUID();
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            StackClient.Response answer = null;
            try {
                answer = client.post(stack.apiUrl() + path, token, key, body);
                statusesSeen.computeIfAbsent(answer.status(), status -> new AtomicInteger()).incrementAndGet();
            } catch (IOException unanswered) {
                noAnswer.incrementAndGet();
            }
            boolean again = answer == null || answer.retryAfter() != null;
            if (!again) {
                return answer;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no final answer to POST " + path + " within " + PATIENCE + ": "
                        + (answer == null ? "no answer" : answer.status() + " " + answer.body()));
            }
            Thread.sleep(PAUSE);
        }
    }

    private static JsonNode created(StackClient.Response response) {
        assertThat(response.status()).as(response.body().toString()).isBetween(200, 202);
        return response.body();
    }
}
