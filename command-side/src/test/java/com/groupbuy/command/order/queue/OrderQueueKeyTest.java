package com.groupbuy.command.order.queue;

import com.groupbuy.events.order.OrderItem;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OrderQueueKeyTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void orders_of_one_product_share_a_key_so_one_worker_places_them_one_after_the_other() {
        OrderRequest first = OrderRequest.regular("o-1", "ann", List.of(new OrderItem("TEA", 1),
                new OrderItem("CAKE", 1)), null, NOW);
        OrderRequest second = OrderRequest.regular("o-2", "bob", List.of(new OrderItem("TEA", 2)), "c-1", NOW);

        assertThat(first.contendedAggregateId()).isEqualTo("TEA").isEqualTo(second.contendedAggregateId());
    }

    @Test
    void a_flash_sale_purchase_is_keyed_by_its_sale_and_a_group_members_order_by_its_group() {
        assertThat(OrderRequest.flashSale("o-1", "ann", "sale-1", "TEA", 1, NOW).contendedAggregateId())
                .isEqualTo("sale-1");
        assertThat(OrderRequest.groupBuy("o-2", "bob", "deal-1", "group-1", "TEA", 450, NOW).contendedAggregateId())
                .isEqualTo("group-1");
    }
}
