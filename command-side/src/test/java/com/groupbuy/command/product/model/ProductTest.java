package com.groupbuy.command.product.model;

import com.groupbuy.command.domain.BusinessRuleViolation;
import com.groupbuy.events.product.ProductRegistered;
import com.groupbuy.events.product.StockAdjusted;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProductTest {

    private static final String SKU = "OOLONG-500";

    private AggregateTestFixture<Product> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Product.class);
    }

    private static ProductRegistered registeredWithStock(int stock) {
        return new ProductRegistered(SKU, "Oolong milk tea", "milk-tea", 550, stock);
    }

    @Test
    void registering_a_product_records_its_catalog_data_and_initial_stock() {
        fixture.givenNoPriorActivity()
                .when(new RegisterProduct(SKU, "Oolong milk tea", "milk-tea", 550, 40))
                .expectSuccessfulHandlerExecution()
                .expectEvents(registeredWithStock(40));
    }

    @Test
    void a_product_cannot_be_registered_without_a_positive_price() {
        fixture.givenNoPriorActivity()
                .when(new RegisterProduct(SKU, "Oolong milk tea", "milk-tea", 0, 40))
                .expectException(BusinessRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_product_cannot_be_registered_with_negative_stock() {
        fixture.givenNoPriorActivity()
                .when(new RegisterProduct(SKU, "Oolong milk tea", "milk-tea", 550, -1))
                .expectException(BusinessRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void a_delivery_raises_the_stock_on_hand() {
        fixture.given(registeredWithStock(40))
                .when(new AdjustStock(SKU, 10))
                .expectEvents(new StockAdjusted(SKU, 10, 50));
    }

    @Test
    void a_write_off_lowers_the_stock_on_hand_down_to_zero() {
        fixture.given(registeredWithStock(40), new StockAdjusted(SKU, 5, 45))
                .when(new AdjustStock(SKU, -45))
                .expectEvents(new StockAdjusted(SKU, -45, 0));
    }

    @Test
    void stock_can_never_be_adjusted_below_zero() {
        fixture.given(registeredWithStock(3))
                .when(new AdjustStock(SKU, -4))
                .expectException(BusinessRuleViolation.class)
                .expectExceptionMessage("stock cannot go below the 0 units held for orders (on hand 3)")
                .expectNoEvents();
    }
}
