package com.groupbuy.command.order;

import com.groupbuy.command.coupon.model.ClaimCoupon;
import com.groupbuy.command.coupon.model.CreateCouponCampaign;
import com.groupbuy.command.order.queue.OrderQueue;
import com.groupbuy.command.order.queue.OrderRequest;
import com.groupbuy.command.product.model.RegisterProduct;
import com.groupbuy.events.order.OrderItem;
import com.groupbuy.contract.Topics;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.kafka.core.KafkaTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Orders through the real order queue, workers and event store, under concurrency. */
@SpringBootTest
@ActiveProfiles({"api", "worker"})
class OrderFlowIT extends OrderTestSupport {

    @Autowired
    CommandGateway commands;
    @Autowired
    OrderQueue queue;
    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Test
    void sixty_concurrent_orders_on_ten_units_confirm_exactly_ten() throws Exception {
        String sku = unique("HOT");
        commands.sendAndWait(new RegisterProduct(sku, "Hot tea", "tea", 300, 10));
        List<String> orderIds = IntStream.range(0, 60).mapToObj(i -> UUID.randomUUID().toString()).toList();

        runConcurrently(orderIds.stream().<Callable<Void>>map(id -> () -> {
            queue.enqueue(OrderRequest.regular(id, "buyer-" + id, List.of(new OrderItem(sku, 1)), null, Instant.now()));
            return null;
        }).toList());

        List<String> outcomes = awaitOutcomes(orderIds);
        assertThat(outcomes).filteredOn("CONFIRMED"::equals).hasSize(10);
        assertThat(outcomes).filteredOn("SOLD_OUT"::equals).hasSize(50);
        assertThat(eventTypesOf(sku)).filteredOn("StockReserved"::equals).hasSize(10);
        assertThat(eventTypesOf(sku)).doesNotContain("StockReleased");
    }

    @Test
    void eight_concurrent_claims_on_three_coupons_issue_exactly_three() throws Exception {
        String campaign = unique("camp");
        commands.sendAndWait(new CreateCouponCampaign(campaign, amountOffTerms(), 3, 1));

        List<Future<Object>> claims = runConcurrently(IntStream.range(0, 8).<Callable<Object>>mapToObj(i -> () ->
                commands.sendAndWait(new ClaimCoupon(campaign, "claimer-" + i, unique("coupon"), Instant.now())))
                .toList());

        assertThat(claims.stream().filter(OrderTestSupport::succeeded)).hasSize(3);
        assertThat(eventTypesOf(campaign)).filteredOn("CouponClaimed"::equals).hasSize(3);
    }

    @Test
    void one_coupon_used_by_two_concurrent_orders_confirms_exactly_one() throws Exception {
        String sku = unique("CUP");
        String campaign = unique("camp");
        commands.sendAndWait(new RegisterProduct(sku, "Cup tea", "tea", 500, 10));
        commands.sendAndWait(new CreateCouponCampaign(campaign, amountOffTerms(), 10, 1));
        String coupon = commands.sendAndWait(new ClaimCoupon(campaign, "u-cup", unique("coupon"), Instant.now()));
        List<String> orderIds = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());

        runConcurrently(orderIds.stream().<Callable<Void>>map(id -> () -> {
            queue.enqueue(OrderRequest.regular(id, "u-cup", List.of(new OrderItem(sku, 1)), coupon, Instant.now()));
            return null;
        }).toList());

        assertThat(awaitOutcomes(orderIds)).containsExactlyInAnyOrder("CONFIRMED", "COUPON_NOT_APPLICABLE");
        assertThat(eventTypesOf(coupon)).filteredOn("CouponRedeemed"::equals).hasSize(1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(eventTypesOf(sku)).filteredOn("StockReleased"::equals).hasSize(1));
    }

    @Test
    void an_order_for_more_than_is_in_stock_is_rejected_as_sold_out_holding_nothing() {
        String sku = unique("FEW");
        String other = unique("MANY");
        commands.sendAndWait(new RegisterProduct(sku, "Rare tea", "tea", 900, 1));
        commands.sendAndWait(new RegisterProduct(other, "Common tea", "tea", 100, 50));
        String orderId = UUID.randomUUID().toString();

        queue.enqueue(OrderRequest.regular(orderId, "u-few", List.of(new OrderItem(other, 3), new OrderItem(sku, 2)),
                null, Instant.now()));

        assertThat(awaitOutcomes(List.of(orderId))).containsExactly("SOLD_OUT");
        assertThat(eventTypesOf(other)).containsSubsequence("StockReserved", "StockReleased");
        assertThat(eventTypesOf(sku)).containsExactly("ProductRegistered");
    }

    @Test
    void a_request_that_cannot_be_processed_goes_to_the_dead_letter_topic_and_its_order_is_rejected() {
        String orderId = UUID.randomUUID().toString();
        byte[] unprocessable = ("{\"orderId\":\"" + orderId + "\",\"userId\":\"u-poison\",\"items\":null}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);

        kafka.send(Topics.ORDER_REQUESTS, orderId, unprocessable).join();

        assertThat(awaitOutcomes(List.of(orderId))).containsExactly("INTERNAL_ERROR");
        assertThat(keysOn(Topics.deadLetterOf(Topics.ORDER_REQUESTS), orderId)).contains(orderId);
    }

    @Test
    void an_order_for_an_unknown_product_is_rejected_not_lost() {
        String orderId = UUID.randomUUID().toString();

        queue.enqueue(OrderRequest.regular(orderId, "u-x", List.of(new OrderItem("NO-SUCH-SKU", 1)), null, Instant.now()));

        assertThat(awaitOutcomes(List.of(orderId))).containsExactly("NOT_FOUND");
    }

    @Test
    void an_order_whose_coupon_is_the_id_of_another_order_is_rejected_as_not_found() {
        String sku = unique("ODD");
        commands.sendAndWait(new RegisterProduct(sku, "Odd tea", "tea", 300, 10));
        String earlier = UUID.randomUUID().toString();
        queue.enqueue(OrderRequest.regular(earlier, "u-odd", List.of(new OrderItem(sku, 1)), null, Instant.now()));
        assertThat(awaitOutcomes(List.of(earlier))).containsExactly("CONFIRMED");
        String orderId = UUID.randomUUID().toString();

        queue.enqueue(OrderRequest.regular(orderId, "u-odd", List.of(new OrderItem(sku, 1)), earlier, Instant.now()));

        assertThat(awaitOutcomes(List.of(orderId))).containsExactly("NOT_FOUND");
    }
}
