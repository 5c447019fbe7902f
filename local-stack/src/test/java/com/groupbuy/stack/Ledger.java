package com.groupbuy.stack;

import com.groupbuy.stack.Storefront.Accepted;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The books after a fault, from the events the command side stored (the authority): every accepted order ends once,
 * stock held is exactly the stock of confirmed orders, no coupon pays for two orders, no flash-sale unit is sold
 * twice nor beyond a customer's limit.
 */
final class Ledger {

    static final String CONFIRMED = "OrderConfirmed";
    static final String REJECTED = "OrderRejected";

    private final EventStoreProbe store;

    Ledger(LocalStack stack) {
        this.store = new EventStoreProbe(stack);
    }

    /**
     * Waits until every accepted order has its outcome, then checks each was placed once and ended once: its
     * outcome (confirmed or rejected) by order id.
     */
    Map<String, String> awaitOutcomes(List<Accepted> orders, Duration patience) {
        List<String> ids = orders.stream().map(Accepted::orderId).toList();
        Map<String, List<String>> stored = await().atMost(patience).pollInterval(Duration.ofMillis(500))
                .until(() -> store.eventTypesOf(ids), types -> ids.stream().allMatch(id ->
                        types.getOrDefault(id, List.of()).stream().anyMatch(Ledger::isOutcome)));
        assertThat(stored.values()).allSatisfy(types -> {
            assertThat(types).filteredOn("OrderPlaced"::equals).hasSize(1);
            assertThat(types).filteredOn(Ledger::isOutcome).hasSize(1);
        });
        Map<String, String> outcomes = new HashMap<>();
        stored.forEach((id, types) -> outcomes.put(id, types.stream().filter(Ledger::isOutcome).findFirst()
                .orElseThrow()));
        return outcomes;
    }

    /** The units of {@code sku} the product holds for each order equal the lines of its confirmed orders. */
    void assertStockHeldOnlyForConfirmedOrders(String sku, List<Accepted> orders, Map<String, String> outcomes)
            throws Exception {
        Map<String, Integer> confirmedUnits = new HashMap<>();
        for (Accepted order : orders) {
            if (order.flashSaleId() == null && CONFIRMED.equals(outcomes.get(order.orderId()))
                    && order.lines().containsKey(sku)) {
                confirmedUnits.put(order.orderId(), order.lines().get(sku));
            }
        }
        assertThat(unitsHeldByOrder(sku, "StockReserved", "StockReleased")).as("units of %s held per order", sku)
                .isEqualTo(confirmedUnits);
    }

    /** Units of {@code sku} held by orders now: what the product's events say, for comparing with the read side. */
    int unitsHeld(String sku) throws Exception {
        return unitsHeldByOrder(sku, "StockReserved", "StockReleased").values().stream()
                .mapToInt(Integer::intValue).sum();
    }

    /** No coupon is redeemed for more than one order, and every redeemed coupon belongs to a confirmed order. */
    void assertNoCouponRedeemedTwice(List<Accepted> orders, Map<String, String> outcomes) throws Exception {
        Map<String, List<String>> confirmedByCoupon = orders.stream()
                .filter(order -> order.couponId() != null && CONFIRMED.equals(outcomes.get(order.orderId())))
                .collect(Collectors.groupingBy(Accepted::couponId,
                        Collectors.mapping(Accepted::orderId, Collectors.toList())));
        assertThat(confirmedByCoupon.values()).as("confirmed orders per coupon").allSatisfy(ids ->
                assertThat(ids).hasSize(1));
        for (String coupon : orders.stream().map(Accepted::couponId).filter(Objects::nonNull).distinct().toList()) {
            Map<String, Integer> redeemed = unitsHeldByOrder(coupon, "CouponRedeemed", "CouponRestored");
            assertThat(redeemed.keySet()).as("orders coupon %s pays for", coupon)
                    .isEqualTo(Set.copyOf(confirmedByCoupon.getOrDefault(coupon, List.of())));
            assertThat(redeemed.values()).allMatch(times -> times == 1);
        }
    }

    /**
     * The sale holds one unit per confirmed purchase and none for rejected ones, never more than its quantity, nor
     * more than {@code perUserLimit} for a customer.
     */
    void assertNoFlashUnitSoldTwice(String flashSaleId, int quantity, int perUserLimit, List<Accepted> orders,
                                    Map<String, String> outcomes) throws Exception {
        List<Accepted> purchases = orders.stream().filter(o -> flashSaleId.equals(o.flashSaleId())).toList();
        Map<String, Integer> confirmed = purchases.stream()
                .filter(order -> CONFIRMED.equals(outcomes.get(order.orderId())))
                .collect(Collectors.toMap(Accepted::orderId, order -> 1));
        assertThat(unitsHeldByOrder(flashSaleId, "FlashSaleUnitsReserved", "FlashSaleUnitsReturned"))
                .as("units of sale %s held per order", flashSaleId).isEqualTo(confirmed);
        assertThat(confirmed.size()).isLessThanOrEqualTo(quantity);
        assertThat(purchases.stream().filter(order -> confirmed.containsKey(order.orderId()))
                .collect(Collectors.groupingBy(order -> order.customer().userId(), Collectors.counting())).values())
                .allMatch(units -> units <= perUserLimit);
    }

    private static boolean isOutcome(String type) {
        return type.equals(CONFIRMED) || type.equals(REJECTED);
    }

    /**
     * Per order, what an aggregate's events {@code taking} less {@code givingBack} add up to (their
     * {@code quantity}, or one per event without one); orders at zero left out.
     */
    private Map<String, Integer> unitsHeldByOrder(String aggregateId, String taking, String givingBack)
            throws Exception {
        Map<String, Integer> held = new HashMap<>();
        for (EventStoreProbe.StoredEvent event : store.eventsOf(aggregateId)) {
            int sign = event.type().equals(taking) ? 1 : event.type().equals(givingBack) ? -1 : 0;
            if (sign != 0) {
                held.merge(event.payload().path("orderId").asString(""),
                        sign * event.payload().path("quantity").asInt(1), Integer::sum);
            }
        }
        held.values().removeIf(units -> units == 0);
        return held;
    }
}
