package com.groupbuy.command.product.model;

import com.groupbuy.command.domain.SettableClock;
import com.groupbuy.contract.ErrorCode;
import com.groupbuy.events.product.ProductBackOnSale;
import com.groupbuy.events.product.ProductDelisted;
import com.groupbuy.events.product.ProductMarkedSoldOut;
import com.groupbuy.events.product.ProductRecategorised;
import com.groupbuy.events.product.ProductRegistered;
import com.groupbuy.events.product.ProductRelisted;
import com.groupbuy.events.product.ProductRenamed;
import com.groupbuy.events.product.ProductRepriced;
import com.groupbuy.events.product.StockReserved;
import com.groupbuy.events.product.StockSetAside;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.groupbuy.command.domain.RuleViolations.violationOf;

class MenuChangesTest {

    private static final String SKU = "BROWN-SUGAR";
    private static final ProductRegistered REGISTERED =
            new ProductRegistered(SKU, "Brown sugar milk", "milk-tea", 650, 20);

    private AggregateTestFixture<Product> fixture;
    private Instant now;
    private Instant endOfDay;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Product.class);
        now = fixture.currentTime();
        endOfDay = now.plus(Duration.ofHours(6));
        fixture.registerInjectableResource(new SettableClock(now));
    }

    private MenuEntry onSale(String name, String category, long priceCents) {
        return new MenuEntry(SKU, name, category, priceCents, MenuStatus.ON_SALE, null, List.of());
    }

    @Test
    void a_new_price_applies_to_orders_reserved_after_it() {
        fixture.given(REGISTERED)
                .when(new ChangePrice(SKU, 690))
                .expectEvents(new ProductRepriced(SKU, 690, 650))
                .expectResultMessagePayload(onSale("Brown sugar milk", "milk-tea", 690));
        fixture.given(REGISTERED, new ProductRepriced(SKU, 690, 650))
                .when(new ReserveStock(SKU, "o-1", 1))
                .expectEvents(new StockReserved(SKU, "o-1", 1, 690, "milk-tea"));
    }

    @Test
    void an_order_held_before_a_price_change_keeps_its_price() {
        fixture.given(REGISTERED, new StockReserved(SKU, "o-1", 2, 650, "milk-tea"),
                        new ProductRepriced(SKU, 690, 650))
                .when(new ReserveStock(SKU, "o-1", 2))
                .expectNoEvents()
                .expectResultMessagePayload(new Reservation(SKU, 2, 650, "milk-tea"));
    }

    @Test
    void setting_the_same_price_name_or_category_again_records_nothing() {
        fixture.given(REGISTERED).when(new ChangePrice(SKU, 650)).expectNoEvents();
        fixture.given(REGISTERED).when(new RenameProduct(SKU, "Brown sugar milk")).expectNoEvents();
        fixture.given(REGISTERED).when(new MoveToCategory(SKU, "milk-tea")).expectNoEvents();
    }

    @Test
    void a_price_must_stay_positive() {
        fixture.given(REGISTERED)
                .when(new ChangePrice(SKU, 0))
                .expectException(violationOf(ErrorCode.VALIDATION_FAILED))
                .expectNoEvents();
    }

    @Test
    void a_renamed_and_recategorised_product_sells_in_its_new_category() {
        fixture.given(REGISTERED)
                .when(new RenameProduct(SKU, "Tiger milk"))
                .expectEvents(new ProductRenamed(SKU, "Tiger milk"))
                .expectResultMessagePayload(onSale("Tiger milk", "milk-tea", 650));
        fixture.given(REGISTERED, new ProductRenamed(SKU, "Tiger milk"))
                .when(new MoveToCategory(SKU, "specials"))
                .expectEvents(new ProductRecategorised(SKU, "specials", "milk-tea"))
                .expectResultMessagePayload(onSale("Tiger milk", "specials", 650));
        fixture.given(REGISTERED, new ProductRecategorised(SKU, "specials", "milk-tea"))
                .when(new ReserveStock(SKU, "o-1", 1))
                .expectEvents(new StockReserved(SKU, "o-1", 1, 650, "specials"));
    }

    @Test
    void a_product_sold_out_for_today_refuses_orders_whatever_its_stock() {
        fixture.given(REGISTERED)
                .when(new MarkSoldOut(SKU, endOfDay))
                .expectEvents(new ProductMarkedSoldOut(SKU, endOfDay))
                .expectScheduledDeadlineWithName(endOfDay, Product.SOLD_OUT_ENDS)
                .expectResultMessagePayload(new MenuEntry(SKU, "Brown sugar milk", "milk-tea", 650,
                        MenuStatus.SOLD_OUT, endOfDay, List.of()));
        fixture.given(REGISTERED, new ProductMarkedSoldOut(SKU, endOfDay))
                .when(new ReserveStock(SKU, "o-1", 1))
                .expectException(violationOf(ErrorCode.SOLD_OUT))
                .expectNoEvents();
    }

    @Test
    void a_sold_out_product_sells_again_when_its_day_ends() {
        fixture.given(REGISTERED)
                .andGivenCommands(new MarkSoldOut(SKU, endOfDay))
                .whenThenTimeElapses(Duration.ofHours(6))
                .expectTriggeredDeadlinesWithName(Product.SOLD_OUT_ENDS)
                .expectEvents(new ProductBackOnSale(SKU));
    }

    @Test
    void staff_can_put_a_sold_out_product_back_on_sale_before_the_day_ends() {
        fixture.given(REGISTERED, new ProductMarkedSoldOut(SKU, endOfDay))
                .when(new PutBackOnSale(SKU))
                .expectEvents(new ProductBackOnSale(SKU))
                .expectResultMessagePayload(onSale("Brown sugar milk", "milk-tea", 650));
        fixture.given(REGISTERED, new ProductMarkedSoldOut(SKU, endOfDay), new ProductBackOnSale(SKU))
                .when(new ReserveStock(SKU, "o-1", 1))
                .expectEvents(new StockReserved(SKU, "o-1", 1, 650, "milk-tea"));
    }

    @Test
    void the_end_of_an_earlier_sold_out_day_does_not_end_a_later_one() {
        Instant tomorrowsEnd = endOfDay.plus(Duration.ofDays(1));
        fixture.given(REGISTERED, new ProductMarkedSoldOut(SKU, endOfDay), new ProductBackOnSale(SKU),
                        new ProductMarkedSoldOut(SKU, tomorrowsEnd))
                .whenThenTimeElapses(Duration.ofHours(6))
                .expectNoEvents();
    }

    @Test
    void sold_out_cannot_end_in_the_past() {
        fixture.given(REGISTERED)
                .when(new MarkSoldOut(SKU, now.minusSeconds(1)))
                .expectException(violationOf(ErrorCode.VALIDATION_FAILED))
                .expectNoEvents();
    }

    @Test
    void a_delisted_product_is_neither_sold_nor_offered_by_new_promotions() {
        fixture.given(REGISTERED)
                .when(new Delist(SKU))
                .expectEvents(new ProductDelisted(SKU))
                .expectResultMessagePayload(new MenuEntry(SKU, "Brown sugar milk", "milk-tea", 650,
                        MenuStatus.DELISTED, null, List.of()));
        fixture.given(REGISTERED, new ProductDelisted(SKU))
                .when(new ReserveStock(SKU, "o-1", 1))
                .expectException(violationOf(ErrorCode.DELISTED));
        fixture.given(REGISTERED, new ProductDelisted(SKU))
                .when(new SetAsideStock(SKU, "sale-1", 5))
                .expectException(violationOf(ErrorCode.DELISTED));
        fixture.given(REGISTERED, new ProductDelisted(SKU))
                .when(new DescribeProduct(SKU))
                .expectException(violationOf(ErrorCode.DELISTED));
        fixture.given(REGISTERED, new ProductDelisted(SKU))
                .when(new MarkSoldOut(SKU, endOfDay))
                .expectException(violationOf(ErrorCode.DELISTED));
    }

    @Test
    void a_relisted_product_sells_again_at_its_last_price() {
        fixture.given(REGISTERED, new ProductRepriced(SKU, 700, 650), new ProductDelisted(SKU))
                .when(new Relist(SKU))
                .expectEvents(new ProductRelisted(SKU))
                .expectResultMessagePayload(onSale("Brown sugar milk", "milk-tea", 700));
        fixture.given(REGISTERED, new ProductDelisted(SKU), new ProductRelisted(SKU))
                .when(new SetAsideStock(SKU, "sale-1", 5))
                .expectEvents(new StockSetAside(SKU, "sale-1", 5, 15));
    }

    @Test
    void delisting_or_relisting_twice_records_it_once() {
        fixture.given(REGISTERED, new ProductDelisted(SKU)).when(new Delist(SKU)).expectNoEvents();
        fixture.given(REGISTERED).when(new Relist(SKU)).expectNoEvents();
    }
}
