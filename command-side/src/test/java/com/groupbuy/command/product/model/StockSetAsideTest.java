package com.groupbuy.command.product.model;

import com.groupbuy.contract.ErrorCode;
import com.groupbuy.events.product.ProductRegistered;
import com.groupbuy.events.product.StockReserved;
import com.groupbuy.events.product.StockReturned;
import com.groupbuy.events.product.StockSetAside;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static com.groupbuy.command.domain.RuleViolations.violationOf;

class StockSetAsideTest {

    private static final String SKU = "TARO-MILK";
    private static final ProductRegistered TEN_IN_STOCK = new ProductRegistered(SKU, "Taro milk tea", "milk-tea", 610, 10);

    private AggregateTestFixture<Product> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Product.class);
        fixture.registerInjectableResource(Clock.systemUTC());
    }

    @Test
    void units_set_aside_for_a_flash_sale_leave_the_stock_on_hand() {
        fixture.given(TEN_IN_STOCK)
                .when(new SetAsideStock(SKU, "fs-1", 4))
                .expectEvents(new StockSetAside(SKU, "fs-1", 4, 6))
                .expectResultMessagePayload(new Allotment(SKU, 4, 610, "milk-tea"));
    }

    @Test
    void units_held_for_orders_cannot_be_set_aside() {
        fixture.given(TEN_IN_STOCK, new StockReserved(SKU, "o-1", 8, 610, "milk-tea"))
                .when(new SetAsideStock(SKU, "fs-1", 3))
                .expectException(violationOf(ErrorCode.INSUFFICIENT_STOCK))
                .expectNoEvents();
    }

    @Test
    void setting_aside_again_for_the_same_sale_takes_nothing_more() {
        fixture.given(TEN_IN_STOCK, new StockSetAside(SKU, "fs-1", 4, 6))
                .when(new SetAsideStock(SKU, "fs-1", 4))
                .expectNoEvents()
                .expectResultMessagePayload(new Allotment(SKU, 4, 610, "milk-tea"));
    }

    @Test
    void returned_units_are_counted_once_whatever_the_repeats() {
        fixture.given(TEN_IN_STOCK, new StockSetAside(SKU, "fs-1", 4, 6), new StockReturned(SKU, "fs-1", 2, 2, 8))
                .when(new ReturnStock(SKU, "fs-1", 3))
                .expectEvents(new StockReturned(SKU, "fs-1", 1, 3, 9));
    }

    @Test
    void a_repeated_or_older_return_changes_nothing() {
        fixture.given(TEN_IN_STOCK, new StockSetAside(SKU, "fs-1", 4, 6), new StockReturned(SKU, "fs-1", 3, 3, 9))
                .when(new ReturnStock(SKU, "fs-1", 2))
                .expectNoEvents();
    }

    @Test
    void a_group_order_holds_units_at_the_group_price() {
        fixture.given(TEN_IN_STOCK)
                .when(new ReserveStock(SKU, "o-1", 1, 450L))
                .expectEvents(new StockReserved(SKU, "o-1", 1, 450, "milk-tea"))
                .expectResultMessagePayload(new Reservation(SKU, 1, 450, "milk-tea"));
    }
}
