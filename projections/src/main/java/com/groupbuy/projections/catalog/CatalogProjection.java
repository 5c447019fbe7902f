package com.groupbuy.projections.catalog;

import com.groupbuy.events.AggregateType;
import com.groupbuy.events.DomainEvent;
import com.groupbuy.events.EventRecord;
import com.groupbuy.events.product.ProductRegistered;
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
 * stock on hand: sold (committed) units leave it; units merely held for unpaid orders are still on hand.
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
}
