package com.groupbuy.command.product.model;

import com.groupbuy.command.domain.BusinessRuleViolation;
import com.groupbuy.contract.ErrorCode;
import com.groupbuy.events.product.ProductRegistered;
import com.groupbuy.events.product.StockAdjusted;
import com.groupbuy.events.product.StockCommitted;
import com.groupbuy.events.product.StockReleased;
import com.groupbuy.events.product.StockReserved;
import com.groupbuy.events.product.StockReturned;
import com.groupbuy.events.product.StockSetAside;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A product the shop sells, identified by its SKU, and its stock: on hand, and held per order. */
@Aggregate(repository = "productRepository")
public class Product {

    @AggregateIdentifier
    private String sku;
    private String category;
    private long priceCents;
    private Stock stock;
    private Map<String, Integer> heldByOrder = new HashMap<>();
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

    @CommandHandler
    Listing handle(DescribeProduct command) {
        return new Listing(sku, category, priceCents);
    }

    @CommandHandler
    void handle(AdjustStock command) {
        Stock adjusted = stock.adjustedBy(command.delta());
        apply(new StockAdjusted(sku, command.delta(), adjusted.onHand()));
    }

    @CommandHandler
    Reservation handle(ReserveStock command) {
        Integer held = heldByOrder.get(command.orderId());
        if (held == null) {
            stock.reserving(command.quantity());
            apply(new StockReserved(sku, command.orderId(), command.quantity(), command.priceOr(priceCents),
                    category));
            held = command.quantity();
        }
        return new Reservation(sku, held, command.priceOr(priceCents), category);
    }

    @CommandHandler
    Allotment handle(SetAsideStock command) {
        Integer setAside = setAsideByHolder.get(command.holderId());
        if (setAside == null) {
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

    @EventSourcingHandler
    void on(ProductRegistered event) {
        sku = event.sku();
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
    }

    @EventSourcingHandler
    void on(StockReleased event) {
        stock = stock.releasing(event.quantity());
        heldByOrder.remove(event.orderId());
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
    }
}
