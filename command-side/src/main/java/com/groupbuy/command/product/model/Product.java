package com.groupbuy.command.product.model;

import com.groupbuy.command.domain.BusinessRuleViolation;
import com.groupbuy.contract.ErrorCode;
import com.groupbuy.events.product.ProductBackOnSale;
import com.groupbuy.events.product.ProductDelisted;
import com.groupbuy.events.product.OptionGroup;
import com.groupbuy.events.product.ProductMarkedSoldOut;
import com.groupbuy.events.product.ProductOptionsChanged;
import com.groupbuy.events.product.ProductRecategorised;
import com.groupbuy.events.product.ProductRegistered;
import com.groupbuy.events.product.ProductRelisted;
import com.groupbuy.events.product.ProductRenamed;
import com.groupbuy.events.product.ProductRepriced;
import com.groupbuy.events.product.StockAdjusted;
import com.groupbuy.events.product.StockCommitted;
import com.groupbuy.events.product.StockReleased;
import com.groupbuy.events.product.StockReserved;
import com.groupbuy.events.product.StockReturned;
import com.groupbuy.events.product.StockSetAside;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A product the shop sells, identified by its SKU: its place on the menu (name, category, price, options, whether it
 * can be ordered today) and its stock: on hand, and held per order.
 */
@Aggregate(repository = "productRepository")
public class Product {

    static final String SOLD_OUT_ENDS = "sold-out-ends";

    @AggregateIdentifier
    private String sku;
    private String name;
    private String category;
    private long priceCents;
    private boolean delisted;
    private Instant soldOutUntil;
    private List<OptionGroup> optionGroups = List.of();
    private Stock stock;
    private Map<String, Integer> heldByOrder = new HashMap<>();
    private Map<String, HeldAt> termsByOrder = new HashMap<>();
    private Map<String, Integer> setAsideByHolder = new HashMap<>();
    private Map<String, Integer> returnedBySource = new HashMap<>();

    protected Product() {
    }

    @CommandHandler
    public Product(RegisterProduct command) {
        if (command.priceCents() <= 0) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, "price must be positive");
        }
        Stock.initially(command.initialStock());
        apply(new ProductRegistered(command.sku(), command.name(), command.category(), command.priceCents(),
                command.initialStock()));
    }

    /** What a new promotion would offer; a product off the menu cannot be offered. */
    @CommandHandler
    Listing handle(DescribeProduct command) {
        requireOnMenu();
        return new Listing(sku, category, priceCents, options());
    }

    @CommandHandler
    MenuEntry handle(ChangePrice command) {
        if (command.priceCents() <= 0) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, "price must be positive");
        }
        if (command.priceCents() != priceCents) {
            apply(new ProductRepriced(sku, command.priceCents(), priceCents));
        }
        return menuEntry();
    }

    @CommandHandler
    MenuEntry handle(RenameProduct command) {
        if (!command.name().equals(name)) {
            apply(new ProductRenamed(sku, command.name()));
        }
        return menuEntry();
    }

    @CommandHandler
    MenuEntry handle(MoveToCategory command) {
        if (!command.category().equals(category)) {
            apply(new ProductRecategorised(sku, command.category(), category));
        }
        return menuEntry();
    }

    @CommandHandler
    MenuEntry handle(SetOptions command) {
        OptionMenu menu = OptionMenu.defined(command.optionGroups(), sku);
        if (!menu.groups().equals(optionGroups)) {
            apply(new ProductOptionsChanged(sku, menu.groups()));
        }
        return menuEntry();
    }

    /** Sold out until the end of the day; the product puts itself back on sale then (a deadline). */
    @CommandHandler
    MenuEntry handle(MarkSoldOut command, DeadlineManager deadlines, Clock clock) {
        requireOnMenu();
        if (!command.until().isAfter(clock.instant())) {
            throw new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, "sold out until a time already past");
        }
        if (!command.until().equals(soldOutUntil)) {
            apply(new ProductMarkedSoldOut(sku, command.until()));
            deadlines.schedule(command.until(), SOLD_OUT_ENDS, command.until().toString());
        }
        return menuEntry();
    }

    @CommandHandler
    MenuEntry handle(PutBackOnSale command) {
        if (soldOutUntil != null) {
            apply(new ProductBackOnSale(sku));
        }
        return menuEntry();
    }

    /** The end of the day a product was marked sold out for; a later marking or putting back makes it moot. */
    @DeadlineHandler(deadlineName = SOLD_OUT_ENDS)
    void onSoldOutEnds(String until) {
        if (soldOutUntil != null && soldOutUntil.toString().equals(until)) {
            apply(new ProductBackOnSale(sku));
        }
    }

    @CommandHandler
    MenuEntry handle(Delist command) {
        if (!delisted) {
            apply(new ProductDelisted(sku));
        }
        return menuEntry();
    }

    @CommandHandler
    MenuEntry handle(Relist command) {
        if (delisted) {
            apply(new ProductRelisted(sku));
        }
        return menuEntry();
    }

    @CommandHandler
    void handle(AdjustStock command) {
        Stock adjusted = stock.adjustedBy(command.delta());
        apply(new StockAdjusted(sku, command.delta(), adjusted.onHand()));
    }

    @CommandHandler
    Reservation handle(ReserveStock command, Clock clock) {
        Integer held = heldByOrder.get(command.orderId());
        if (held == null) {
            requireOrderableAt(clock.instant());
            stock.reserving(command.quantity());
            apply(new StockReserved(sku, command.orderId(), command.quantity(), command.priceOr(priceCents),
                    category));
            held = command.quantity();
        }
        HeldAt terms = termsByOrder.getOrDefault(command.orderId(),
                new HeldAt(command.priceOr(priceCents), category));
        return new Reservation(sku, held, terms.unitPriceCents(), terms.category(), options());
    }

    /** The price and category an order's units were held at: a repeated reservation answers them, not today's. */
    record HeldAt(long unitPriceCents, String category) {
    }

    @CommandHandler
    Allotment handle(SetAsideStock command) {
        Integer setAside = setAsideByHolder.get(command.holderId());
        if (setAside == null) {
            requireOnMenu();
            Stock after = stock.settingAside(command.quantity());
            apply(new StockSetAside(sku, command.holderId(), command.quantity(), after.onHand()));
            setAside = command.quantity();
        }
        return new Allotment(sku, setAside, priceCents, category);
    }

    @CommandHandler
    void handle(ReturnStock command) {
        int counted = returnedBySource.getOrDefault(command.sourceId(), 0);
        int quantity = command.returnedInAll() - counted;
        if (quantity > 0) {
            apply(new StockReturned(sku, command.sourceId(), quantity, command.returnedInAll(),
                    stock.returning(quantity).onHand()));
        }
    }

    @CommandHandler
    void handle(ReleaseStock command) {
        Integer held = heldByOrder.get(command.orderId());
        if (held != null) {
            apply(new StockReleased(sku, command.orderId(), held));
        }
    }

    @CommandHandler
    void handle(CommitStock command) {
        Integer held = heldByOrder.get(command.orderId());
        if (held != null) {
            apply(new StockCommitted(sku, command.orderId(), held));
        }
    }

    private void requireOnMenu() {
        if (delisted) {
            throw new BusinessRuleViolation(ErrorCode.DELISTED, sku + " is off the menu");
        }
    }

    private void requireOrderableAt(Instant now) {
        requireOnMenu();
        if (soldOutUntil != null && now.isBefore(soldOutUntil)) {
            throw new BusinessRuleViolation(ErrorCode.SOLD_OUT, sku + " is sold out until " + soldOutUntil);
        }
    }

    private MenuEntry menuEntry() {
        MenuStatus status = delisted ? MenuStatus.DELISTED
                : soldOutUntil != null ? MenuStatus.SOLD_OUT : MenuStatus.ON_SALE;
        return new MenuEntry(sku, name, category, priceCents, status, soldOutUntil, options().groups());
    }

    private OptionMenu options() {
        return new OptionMenu(optionGroups);
    }

    @EventSourcingHandler
    void on(ProductRegistered event) {
        sku = event.sku();
        name = event.name();
        category = event.category();
        priceCents = event.priceCents();
        stock = Stock.initially(event.initialStock());
    }

    @EventSourcingHandler
    void on(StockAdjusted event) {
        stock = new Stock(event.stockAfter(), stock.reserved());
    }

    @EventSourcingHandler
    void on(StockReserved event) {
        stock = stock.holding(event.quantity());
        heldByOrder.put(event.orderId(), event.quantity());
        termsByOrder.put(event.orderId(), new HeldAt(event.unitPriceCents(), event.category()));
    }

    @EventSourcingHandler
    void on(StockReleased event) {
        stock = stock.releasing(event.quantity());
        heldByOrder.remove(event.orderId());
        termsByOrder.remove(event.orderId());
    }

    @EventSourcingHandler
    void on(StockSetAside event) {
        stock = new Stock(event.stockAfter(), stock.reserved());
        setAsideByHolder.put(event.holderId(), event.quantity());
    }

    @EventSourcingHandler
    void on(StockReturned event) {
        stock = new Stock(event.stockAfter(), stock.reserved());
        returnedBySource.put(event.sourceId(), event.returnedInAll());
    }

    @EventSourcingHandler
    void on(StockCommitted event) {
        stock = stock.selling(event.quantity());
        heldByOrder.remove(event.orderId());
        termsByOrder.remove(event.orderId());
    }

    @EventSourcingHandler
    void on(ProductRepriced event) {
        priceCents = event.priceCents();
    }

    @EventSourcingHandler
    void on(ProductRenamed event) {
        name = event.name();
    }

    @EventSourcingHandler
    void on(ProductRecategorised event) {
        category = event.category();
    }

    @EventSourcingHandler
    void on(ProductMarkedSoldOut event) {
        soldOutUntil = event.until();
    }

    @EventSourcingHandler
    void on(ProductBackOnSale event) {
        soldOutUntil = null;
    }

    @EventSourcingHandler
    void on(ProductDelisted event) {
        delisted = true;
    }

    @EventSourcingHandler
    void on(ProductRelisted event) {
        delisted = false;
    }

    @EventSourcingHandler
    void on(ProductOptionsChanged event) {
        optionGroups = event.optionGroups();
    }
}
