package com.groupbuy.command.order;

import com.groupbuy.command.coupon.model.ClaimCoupon;
import com.groupbuy.command.coupon.model.CreateCouponCampaign;
import com.groupbuy.command.order.model.PayOrder;
import com.groupbuy.command.order.queue.OrderQueue;
import com.groupbuy.command.order.queue.OrderRequest;
import com.groupbuy.command.product.model.RegisterProduct;
import com.groupbuy.events.order.OrderItem;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The payment window as a durable deadline in PostgreSQL, fired by the worker's scheduler. */
@SpringBootTest(properties = {"groupbuy.orders.payment-window=3s", "groupbuy.deadlines.poll-interval=500ms"})
@ActiveProfiles({"api", "worker"})
class PaymentWindowIT extends OrderTestSupport {

    @Autowired
    CommandGateway commands;
    @Autowired
    OrderQueue queue;

    @Test
    void an_unpaid_order_expires_and_gives_back_its_stock_and_coupon() {
        String sku = unique("EXP");
        String campaign = unique("camp");
        commands.sendAndWait(new RegisterProduct(sku, "Slow tea", "tea", 500, 5));
        commands.sendAndWait(new CreateCouponCampaign(campaign, amountOffTerms(), 10, 1));
        String coupon = commands.sendAndWait(new ClaimCoupon(campaign, "u-slow", unique("coupon"), Instant.now()));
        String orderId = UUID.randomUUID().toString();

        queue.enqueue(OrderRequest.regular(orderId, "u-slow", List.of(new OrderItem(sku, 2)), coupon, Instant.now()));

        assertThat(awaitOutcomes(List.of(orderId))).containsExactly("CONFIRMED");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(eventTypesOf(orderId)).contains("OrderExpired");
            assertThat(eventTypesOf(sku)).containsSubsequence("StockReserved", "StockReleased");
            assertThat(eventTypesOf(coupon)).containsSubsequence("CouponRedeemed", "CouponRestored");
        });
    }

    @Test
    void a_paid_order_sells_its_stock_and_never_expires() throws Exception {
        String sku = unique("PAY");
        commands.sendAndWait(new RegisterProduct(sku, "Quick tea", "tea", 400, 5));
        String orderId = UUID.randomUUID().toString();
        queue.enqueue(OrderRequest.regular(orderId, "u-quick", List.of(new OrderItem(sku, 2)), null, Instant.now()));
        assertThat(awaitOutcomes(List.of(orderId))).containsExactly("CONFIRMED");

        commands.sendAndWait(new PayOrder(orderId, "u-quick", 800, "pay-" + orderId));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(eventTypesOf(sku)).containsSubsequence("StockReserved", "StockCommitted"));
        Thread.sleep(4_000);
        assertThat(eventTypesOf(orderId)).containsExactly("OrderPlaced", "OrderConfirmed", "OrderPaid");
    }
}
