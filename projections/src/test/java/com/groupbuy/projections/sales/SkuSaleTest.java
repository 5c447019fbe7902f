package com.groupbuy.projections.sales;

import com.groupbuy.events.order.PricedLine;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SkuSaleTest {

    @Test
    void a_paid_order_sells_per_sku_with_its_lines_merged_and_its_discount_shared() {
        List<SkuSale> sales = SkuSale.of(List.of(
                new PricedLine("TEA", "tea", 2, 500),
                new PricedLine("CAKE", "cake", 1, 400),
                new PricedLine("TEA", "tea", 1, 500)), 190);

        assertThat(sales).containsExactly(
                new SkuSale("CAKE", "cake", 1, 400, 40),
                new SkuSale("TEA", "tea", 3, 1500, 150));
        assertThat(sales).extracting(SkuSale::revenueCents).containsExactly(360L, 1350L);
    }
}
