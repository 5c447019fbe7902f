package com.groupbuy.command.product.model;

import com.groupbuy.command.domain.BusinessRuleViolation;
import com.groupbuy.events.product.ProductRegistered;
import com.groupbuy.events.product.StockAdjusted;
import com.groupbuy.events.product.StockCommitted;
import com.groupbuy.events.product.StockReleased;
import com.groupbuy.events.product.StockReserved;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;

class StockReservationTest {

    private static final String SKU = "TARO-MILK";
    private static final ProductRegistered TEN_IN_STOCK = new ProductRegistered(SKU, "Taro milk tea", "milk-tea", 610, 10);

    private AggregateTestFixture<Product> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Product.class);
        fixture.registerInjectableResource(Clock.systemUTC());
    }

    @Test
    void reserving_holds_units_at_the_current_price() {
        fixture.given(TEN_IN_STOCK)
                .when(new ReserveStock(SKU, "o-1", 3))
                .expectEvents(new StockReserved(SKU, "o-1", 3, 610, "milk-tea"))
                .expectResultMessagePayload(new Reservation(SKU, 3, 610, "milk-tea"));
    }

    @Test
    void the_last_units_can_be_reserved_but_never_more_than_are_available() {
        fixture.given(TEN_IN_STOCK, new StockReserved(SKU, "o-1", 8, 610, "milk-tea"))
                .when(new ReserveStock(SKU, "o-2", 3))
                .expectException(BusinessRuleViolation.class)
                .expectExceptionMessage("only 2 units available, 3 asked")
                .expectNoEvents();
    }

    @Test
    void reserving_again_for_the_same_order_holds_nothing_more() {
        fixture.given(TEN_IN_STOCK, new StockReserved(SKU, "o-1", 3, 610, "milk-tea"))
                .when(new ReserveStock(SKU, "o-1", 3))
                .expectNoEvents()
                .expectResultMessagePayload(new Reservation(SKU, 3, 610, "milk-tea"));
    }

    @Test
    void releasing_gives_the_orders_units_back() {
        fixture.given(TEN_IN_STOCK, new StockReserved(SKU, "o-1", 10, 610, "milk-tea"))
                .when(new ReleaseStock(SKU, "o-1"))
                .expectEvents(new StockReleased(SKU, "o-1", 10));
    }

    @Test
    void released_units_can_be_reserved_by_another_order() {
        fixture.given(TEN_IN_STOCK, new StockReserved(SKU, "o-1", 10, 610, "milk-tea"),
                        new StockReleased(SKU, "o-1", 10))
                .when(new ReserveStock(SKU, "o-2", 10))
                .expectEvents(new StockReserved(SKU, "o-2", 10, 610, "milk-tea"));
    }

    @Test
    void releasing_an_order_that_holds_nothing_changes_nothing() {
        fixture.given(TEN_IN_STOCK, new StockReserved(SKU, "o-1", 2, 610, "milk-tea"),
                        new StockReleased(SKU, "o-1", 2))
                .when(new ReleaseStock(SKU, "o-1"))
                .expectNoEvents();
    }

    @Test
    void committing_sells_the_held_units_once() {
        fixture.given(TEN_IN_STOCK, new StockReserved(SKU, "o-1", 4, 610, "milk-tea"))
                .when(new CommitStock(SKU, "o-1"))
                .expectEvents(new StockCommitted(SKU, "o-1", 4));
        fixture.given(TEN_IN_STOCK, new StockReserved(SKU, "o-1", 4, 610, "milk-tea"),
                        new StockCommitted(SKU, "o-1", 4))
                .when(new CommitStock(SKU, "o-1"))
                .expectNoEvents();
    }

    @Test
    void sold_units_leave_the_stock_for_good() {
        fixture.given(TEN_IN_STOCK, new StockReserved(SKU, "o-1", 4, 610, "milk-tea"),
                        new StockCommitted(SKU, "o-1", 4))
                .when(new ReserveStock(SKU, "o-2", 7))
                .expectException(BusinessRuleViolation.class)
                .expectExceptionMessage("only 6 units available, 7 asked");
    }

    @Test
    void stock_cannot_be_adjusted_below_what_orders_hold() {
        fixture.given(TEN_IN_STOCK, new StockReserved(SKU, "o-1", 6, 610, "milk-tea"))
                .when(new AdjustStock(SKU, -5))
                .expectException(BusinessRuleViolation.class)
                .expectNoEvents();
        fixture.given(TEN_IN_STOCK, new StockReserved(SKU, "o-1", 6, 610, "milk-tea"))
                .when(new AdjustStock(SKU, -4))
                .expectEvents(new StockAdjusted(SKU, -4, 6));
    }
}
