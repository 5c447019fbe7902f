package com.groupbuy.projections.sales;

import com.groupbuy.events.AggregateType;
import com.groupbuy.events.DomainEvent;
import com.groupbuy.events.EventRecord;
import com.groupbuy.events.order.OrderConfirmed;
import com.groupbuy.events.order.OrderPaid;
import com.groupbuy.events.order.PricedLine;
import com.groupbuy.projections.consumer.Projection;
import com.groupbuy.projections.maintenance.PostgresReadModel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.List;
import java.util.Optional;

/**
 * Paid sales per hour (UTC) and SKU, for analysts. OrderConfirmed leaves the order's discount in
 * {@code sales_order}; OrderPaid advances that row's sequence and, in the same transaction and only if it did,
 * adds the order's lines, with the discount spread over them, to the hour it was paid in.
 */
@Component
class SalesProjection implements Projection, PostgresReadModel {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    SalesProjection(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    private record Paid(Long confirmedDiscountCents) {
    }

    @Override
    public String name() {
        return "sales";
    }

    @Override
    public Set<AggregateType> sources() {
        return Set.of(AggregateType.ORDER);
    }

    @Override
    public List<String> tables() {
        return List.of("sales_order", "sales_hourly");
    }

    @Override
    public void apply(EventRecord record, DomainEvent event) {
        switch (event) {
            case OrderConfirmed confirmed -> rememberPricing(record, confirmed);
            case OrderPaid paid -> transactions.executeWithoutResult(status -> addSale(record, paid));
            default -> {
            }
        }
    }

    private void rememberPricing(EventRecord record, OrderConfirmed event) {
        jdbc.sql("""
                        INSERT INTO sales_order (order_id, subtotal_cents, discount_cents, total_cents, last_sequence,
                                                 last_event_at)
                        VALUES (:orderId, :subtotal, :discount, :total, :sequence, :at)
                        ON CONFLICT (order_id) DO UPDATE
                           SET subtotal_cents = EXCLUDED.subtotal_cents,
                               discount_cents = EXCLUDED.discount_cents,
                               total_cents = EXCLUDED.total_cents,
                               last_sequence = EXCLUDED.last_sequence,
                               last_event_at = EXCLUDED.last_event_at
                         WHERE sales_order.last_sequence < EXCLUDED.last_sequence""")
                .param("orderId", event.orderId())
                .param("subtotal", event.subtotalCents())
                .param("discount", event.discountCents())
                .param("total", event.totalCents())
                .param("sequence", record.sequence())
                .param("at", Timestamp.from(record.occurredAt()))
                .update();
    }

    private void addSale(EventRecord record, OrderPaid event) {
        Optional<Paid> paid = jdbc.sql("""
                        INSERT INTO sales_order (order_id, paid_at, last_sequence, last_event_at)
                        VALUES (:orderId, :at, :sequence, :at)
                        ON CONFLICT (order_id) DO UPDATE
                           SET paid_at = EXCLUDED.paid_at,
                               last_sequence = EXCLUDED.last_sequence,
                               last_event_at = EXCLUDED.last_event_at
                         WHERE sales_order.last_sequence < EXCLUDED.last_sequence
                        RETURNING discount_cents""")
                .param("orderId", event.orderId())
                .param("at", Timestamp.from(record.occurredAt()))
                .param("sequence", record.sequence())
                .query((rs, row) -> new Paid(rs.getObject("discount_cents", Long.class)))
                .optional();
        if (paid.isEmpty() || event.lines() == null) {
            return;
        }
        long discount = paid.get().confirmedDiscountCents() != null
                ? paid.get().confirmedDiscountCents()
                : discountFromPayment(event);
        Timestamp bucket = Timestamp.from(record.occurredAt().truncatedTo(ChronoUnit.HOURS));
        for (SkuSale sale : SkuSale.of(event.lines(), discount)) {
            jdbc.sql("""
                            INSERT INTO sales_hourly (bucket_start, sku, category, orders, units, gross_cents,
                                                      discount_cents, revenue_cents, last_event_at)
                            VALUES (:bucket, :sku, :category, 1, :units, :gross, :discount, :revenue, :at)
                            ON CONFLICT (bucket_start, sku) DO UPDATE
                               SET category = COALESCE(EXCLUDED.category, sales_hourly.category),
                                   orders = sales_hourly.orders + 1,
                                   units = sales_hourly.units + EXCLUDED.units,
                                   gross_cents = sales_hourly.gross_cents + EXCLUDED.gross_cents,
                                   discount_cents = sales_hourly.discount_cents + EXCLUDED.discount_cents,
                                   revenue_cents = sales_hourly.revenue_cents + EXCLUDED.revenue_cents,
                                   last_event_at = GREATEST(sales_hourly.last_event_at, EXCLUDED.last_event_at)""")
                    .param("bucket", bucket)
                    .param("sku", sale.sku())
                    .param("category", sale.category())
                    .param("units", sale.units())
                    .param("gross", sale.grossCents())
                    .param("discount", sale.discountCents())
                    .param("revenue", sale.revenueCents())
                    .param("at", Timestamp.from(record.occurredAt()))
                    .update();
        }
    }

    /**
     * The discount when the order's confirmation was never seen here (it always precedes the payment on the
     * order's partition, so only a topic read from the middle lacks it): the amount paid equals the total.
     */
    private static long discountFromPayment(OrderPaid event) {
        long subtotal = event.lines().stream().mapToLong(PricedLine::lineTotalCents).sum();
        return Math.max(0, subtotal - event.amountCents());
    }
}
