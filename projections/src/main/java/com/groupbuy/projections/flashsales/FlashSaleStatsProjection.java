package com.groupbuy.projections.flashsales;

import com.groupbuy.events.AggregateType;
import com.groupbuy.events.DomainEvent;
import com.groupbuy.events.EventRecord;
import com.groupbuy.events.flashsale.FlashSaleEnded;
import com.groupbuy.events.flashsale.FlashSaleScheduled;
import com.groupbuy.events.flashsale.FlashSaleUnitsReserved;
import com.groupbuy.events.flashsale.FlashSaleUnitsReturned;
import com.groupbuy.events.order.OrderEvent;
import com.groupbuy.projections.consumer.Projection;
import com.groupbuy.projections.maintenance.PostgresReadModel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Flash-sale analytics in PostgreSQL: per sale, the orders it admitted (units reserved on the sale), how they
 * ended (confirmed, paid, cancelled, expired, rejected, refunded) and the units sold. The sale's events are
 * guarded by the sale row's {@code last_sequence}; an order event first advances the order's
 * {@code flash_sale_order} row and moves the sale's counters only when it did, in the same transaction.
 */
@Component
class FlashSaleStatsProjection implements Projection, PostgresReadModel {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    FlashSaleStatsProjection(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public String name() {
        return "flash-sale-stats";
    }

    @Override
    public Set<AggregateType> sources() {
        return Set.of(AggregateType.FLASH_SALE, AggregateType.ORDER);
    }

    @Override
    public List<String> tables() {
        return List.of("flash_sale_stats", "flash_sale_order");
    }

    @Override
    public void apply(EventRecord record, DomainEvent event) {
        switch (event) {
            case FlashSaleScheduled scheduled -> schedule(record, scheduled);
            case FlashSaleUnitsReserved reserved -> applySaleEvent(record, reserved.flashSaleId(), """
                    admitted = admitted + 1,
                    units_reserved = units_reserved + :units,
                    remaining = :remaining""", reserved.quantity(), reserved.remaining(), 0);
            case FlashSaleUnitsReturned returned -> applySaleEvent(record, returned.flashSaleId(), """
                    units_returned = units_returned + :units,
                    remaining = :remaining,
                    returned_to_product = :returnedToProduct""", returned.quantity(), returned.remaining(),
                    returned.returnedToProduct());
            case FlashSaleEnded ended -> applySaleEvent(record, ended.flashSaleId(), """
                    ended_at = :at,
                    remaining = :remaining,
                    returned_to_product = :returnedToProduct""", 0, 0, ended.returnedToProduct());
            case OrderEvent orderEvent -> OrderTally.of(orderEvent).ifPresent(tally ->
                    transactions.executeWithoutResult(status -> countOnce(record, orderEvent, tally)));
            default -> {
            }
        }
    }

    private void schedule(EventRecord record, FlashSaleScheduled event) {
        jdbc.sql("""
                        INSERT INTO flash_sale_stats (flash_sale_id, sku, price_cents, quantity, per_user_limit,
                                                      starts_at, ends_at, happy_hours, remaining, updated_at,
                                                      last_sequence, last_event_at)
                        VALUES (:id, :sku, :price, :quantity, :limit, :startsAt, :endsAt, :happyHours, :quantity,
                                now(), :sequence, :at)
                        ON CONFLICT (flash_sale_id) DO UPDATE
                           SET sku = EXCLUDED.sku,
                               price_cents = EXCLUDED.price_cents,
                               quantity = EXCLUDED.quantity,
                               per_user_limit = EXCLUDED.per_user_limit,
                               starts_at = EXCLUDED.starts_at,
                               ends_at = EXCLUDED.ends_at,
                               happy_hours = EXCLUDED.happy_hours,
                               remaining = EXCLUDED.remaining,
                               updated_at = EXCLUDED.updated_at,
                               last_sequence = EXCLUDED.last_sequence,
                               last_event_at = EXCLUDED.last_event_at
                         WHERE flash_sale_stats.last_sequence < EXCLUDED.last_sequence""")
                .param("id", event.flashSaleId())
                .param("sku", event.sku())
                .param("price", event.priceCents())
                .param("quantity", event.quantity())
                .param("limit", event.perUserLimit())
                .param("startsAt", timestamp(event.startsAt()))
                .param("endsAt", timestamp(event.endsAt()))
                .param("happyHours", event.happyHours() == null ? null
                        : record.payload().path("happyHours").toString())
                .param("sequence", record.sequence())
                .param("at", timestamp(record.occurredAt()))
                .update();
    }

    /**
     * Applies a sale event after its scheduling; {@code changes} is one of this class's fixed SET lists, never input.
     * An event that finds no row (scheduling not applied, which the per-sale order of the topic rules out) creates
     * it with NULL terms, as order events do.
     */
    private void applySaleEvent(EventRecord record, String flashSaleId, String changes, int units, int remaining,
                                int returnedToProduct) {
        jdbc.sql("""
                        INSERT INTO flash_sale_stats (flash_sale_id, updated_at, last_sequence)
                        VALUES (:id, now(), -1)
                        ON CONFLICT (flash_sale_id) DO NOTHING""")
                .param("id", flashSaleId)
                .update();
        jdbc.sql("""
                        UPDATE flash_sale_stats
                           SET %s,
                               updated_at = now(),
                               last_sequence = :sequence,
                               last_event_at = :at
                         WHERE flash_sale_id = :id AND last_sequence < :sequence""".formatted(changes))
                .param("id", flashSaleId)
                .param("units", units)
                .param("remaining", remaining)
                .param("returnedToProduct", returnedToProduct)
                .param("sequence", record.sequence())
                .param("at", timestamp(record.occurredAt()))
                .update();
    }

    private void countOnce(EventRecord record, OrderEvent event, OrderTally tally) {
        boolean advanced = jdbc.sql("""
                        INSERT INTO flash_sale_order (order_id, flash_sale_id, user_id, status, last_sequence,
                                                      last_event_at)
                        VALUES (:orderId, :saleId, :userId, :status, :sequence, :at)
                        ON CONFLICT (order_id) DO UPDATE
                           SET status = EXCLUDED.status,
                               last_sequence = EXCLUDED.last_sequence,
                               last_event_at = EXCLUDED.last_event_at
                         WHERE flash_sale_order.last_sequence < EXCLUDED.last_sequence""")
                .param("orderId", event.orderId())
                .param("saleId", tally.flashSaleId())
                .param("userId", event.userId())
                .param("status", tally.status())
                .param("sequence", record.sequence())
                .param("at", timestamp(record.occurredAt()))
                .update() == 1;
        if (advanced) {
            jdbc.sql("""
                            INSERT INTO flash_sale_stats (flash_sale_id, %1$s, units_sold, revenue_cents, updated_at,
                                                          last_sequence)
                            VALUES (:id, 1, :units, :revenue, now(), -1)
                            ON CONFLICT (flash_sale_id) DO UPDATE
                               SET %1$s = flash_sale_stats.%1$s + 1,
                                   units_sold = flash_sale_stats.units_sold + EXCLUDED.units_sold,
                                   revenue_cents = flash_sale_stats.revenue_cents + EXCLUDED.revenue_cents,
                                   updated_at = EXCLUDED.updated_at""".formatted(tally.counter()))
                    .param("id", tally.flashSaleId())
                    .param("units", tally.unitsSold())
                    .param("revenue", tally.revenueCents())
                    .update();
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
