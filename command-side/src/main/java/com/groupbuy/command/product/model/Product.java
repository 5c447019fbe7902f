package com.groupbuy.command.product.model;

import com.groupbuy.command.domain.BusinessRuleViolation;
import com.groupbuy.contract.ErrorCode;
import com.groupbuy.events.product.ProductRegistered;
import com.groupbuy.events.product.StockAdjusted;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A product the shop sells, identified by its SKU, and the stock it holds. */
@Aggregate
public class Product {

    @AggregateIdentifier
    private String sku;
    private Stock stock;

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
    void handle(AdjustStock command) {
        Stock adjusted = stock.adjustedBy(command.delta());
        apply(new StockAdjusted(sku, command.delta(), adjusted.onHand()));
    }

    @EventSourcingHandler
    void on(ProductRegistered event) {
        sku = event.sku();
        stock = Stock.initially(event.initialStock());
    }

    @EventSourcingHandler
    void on(StockAdjusted event) {
        stock = new Stock(event.stockAfter(), stock.reserved());
    }
}
