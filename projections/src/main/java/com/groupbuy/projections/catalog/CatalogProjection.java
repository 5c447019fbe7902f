package com.groupbuy.projections.catalog;

import com.groupbuy.events.AggregateType;
import com.groupbuy.events.DomainEvent;
import com.groupbuy.events.EventRecord;
import com.groupbuy.events.product.ProductBackOnSale;
import com.groupbuy.events.product.ProductDelisted;
import com.groupbuy.events.product.ProductMarkedSoldOut;
import com.groupbuy.events.product.ProductOptionsChanged;
import com.groupbuy.events.product.ProductRecategorised;
import com.groupbuy.events.product.ProductRegistered;
import com.groupbuy.events.product.ProductRelisted;
import com.groupbuy.events.product.ProductRenamed;
import com.groupbuy.events.product.ProductRepriced;
import com.groupbuy.events.product.StockAdjusted;
import com.groupbuy.events.product.StockCommitted;
import com.groupbuy.projections.consumer.Projection;
import com.groupbuy.projections.maintenance.PostgresReadModel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

import java.util.List;
import java.util.Set;

/**
 * The catalog table in PostgreSQL: one row per product, guarded by the last sequence applied. Its stock is the
 * stock on hand: sold (committed) units leave it; units merely held for unpaid orders are still on hand. Menu
 * changes (price, name, category, sold out for today, delisted) update the row as they happen.
 */
@Component
class CatalogProjection implements Projection, PostgresReadModel {

    private final JdbcClient jdbc;

    CatalogProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "catalog";
    }

    @Override
    public Set<AggregateType> sources() {
        return Set.of(AggregateType.PRODUCT);
    }

    @Override
    public List<String> tables() {
        return List.of("catalog_product");
    }

    @Override
    public void apply(EventRecord record, DomainEvent event) {
        switch (event) {
            case ProductRegistered registered -> register(record, registered);
            case StockAdjusted adjusted -> adjustStock(record, adjusted);
            case StockCommitted committed -> commitStock(record, committed);
            case ProductRepriced repriced -> change(record, "price_cents", repriced.priceCents());
            case ProductRenamed renamed -> change(record, "name", renamed.name());
            case ProductRecategorised moved -> change(record, "category", moved.category());
            case ProductMarkedSoldOut soldOut -> change(record, "sold_out_until", Timestamp.from(soldOut.until()));
            case ProductBackOnSale backOnSale -> change(record, "sold_out_until", null);
            case ProductDelisted delisted -> change(record, "delisted", true);
            case ProductRelisted relisted -> change(record, "delisted", false);
            case ProductOptionsChanged optionsChanged ->
                    change(record, "option_groups", record.payload().path("optionGroups").toString());
            default -> {
            }
        }
    }

    private void register(EventRecord record, ProductRegistered event) {
        jdbc.sql("""
                        INSERT INTO catalog_product (sku, name, category, price_cents, stock_on_hand, registered_at,
                                                     last_sequence, last_event_at)
                        VALUES (:sku, :name, :category, :price, :stock, :at, :sequence, :at)
                        ON CONFLICT (sku) DO NOTHING""")
                .param("sku", event.sku())
                .param("name", event.name())
                .param("category", event.category())
                .param("price", event.priceCents())
                .param("stock", event.initialStock())
                .param("at", Timestamp.from(record.occurredAt()))
                .param("sequence", record.sequence())
                .update();
    }

    private void adjustStock(EventRecord record, StockAdjusted event) {
        jdbc.sql("""
                        UPDATE catalog_product
                           SET stock_on_hand = :stock, last_sequence = :sequence, last_event_at = :at
                         WHERE sku = :sku AND last_sequence < :sequence""")
                .param("sku", event.sku())
                .param("stock", event.stockAfter())
                .param("sequence", record.sequence())
                .param("at", Timestamp.from(record.occurredAt()))
                .update();
    }

    private void commitStock(EventRecord record, StockCommitted event) {
        jdbc.sql("""
                        UPDATE catalog_product
                           SET stock_on_hand = stock_on_hand - :quantity, last_sequence = :sequence,
                               last_event_at = :at
                         WHERE sku = :sku AND last_sequence < :sequence""")
                .param("sku", event.sku())
                .param("quantity", event.quantity())
                .param("sequence", record.sequence())
                .param("at", Timestamp.from(record.occurredAt()))
                .update();
    }

    /** Sets one column of the product's row ({@code column} is one of ours, never input). */
    private void change(EventRecord record, String column, Object value) {
        jdbc.sql("""
                        UPDATE catalog_product
                           SET %s = :value, last_sequence = :sequence, last_event_at = :at
                         WHERE sku = :sku AND last_sequence < :sequence""".formatted(column))
                .param("sku", record.aggregateId())
                .param("value", value)
                .param("sequence", record.sequence())
                .param("at", Timestamp.from(record.occurredAt()))
                .update();
    }
}
