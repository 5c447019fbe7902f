package com.groupbuy.projections.sales;

import com.groupbuy.events.AggregateType;
import com.groupbuy.events.DomainEvent;
import com.groupbuy.events.EventRecord;
import com.groupbuy.events.order.OrderConfirmed;
import com.groupbuy.events.order.OrderPaid;
import com.groupbuy.events.order.PricedLine;
import com.groupbuy.projections.consumer.DecodedEvent;
import com.groupbuy.projections.consumer.Projection;
import com.groupbuy.projections.maintenance.PostgresReadModel;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Paid sales per hour (UTC) and SKU, for analysts. OrderConfirmed leaves the order's pricing in
 * {@code sales_order}; OrderPaid advances that row's sequence and, in the same transaction and only if it did,
 * adds the order's lines, with the discount spread over them, to the hour (and the UTC day) it was paid in. A poll is applied in
 * one transaction: the {@code sales_order} rows in one JDBC batch (in order, so the update counts say which
 * payments advanced), then the poll's additions summed per hour and SKU, one upsert each.
 */
@Component
class SalesProjection implements Projection, PostgresReadModel {

    /** OrderConfirmed sets the pricing, OrderPaid the payment time; each leaves the other's columns alone. */
    private static final String ADVANCE = """
            INSERT INTO sales_order (order_id, subtotal_cents, discount_cents, total_cents, paid_at, last_sequence,
                                     last_event_at)
            VALUES (:orderId, :subtotal, :discount, :total, :paidAt, :sequence, :at)
            ON CONFLICT (order_id) DO UPDATE
               SET subtotal_cents = COALESCE(EXCLUDED.subtotal_cents, sales_order.subtotal_cents),
                   discount_cents = COALESCE(EXCLUDED.discount_cents, sales_order.discount_cents),
                   total_cents = COALESCE(EXCLUDED.total_cents, sales_order.total_cents),
                   paid_at = COALESCE(EXCLUDED.paid_at, sales_order.paid_at),
                   last_sequence = EXCLUDED.last_sequence,
                   last_event_at = EXCLUDED.last_event_at
             WHERE sales_order.last_sequence < EXCLUDED.last_sequence""";
    /** Adds to sales_hourly or, the same sums by UTC day, to sales_daily. */
    private static final String ADD_TO_BUCKET = """
            INSERT INTO %1$s (bucket_start, sku, category, orders, units, gross_cents, discount_cents,
                                      revenue_cents, last_event_at)
            VALUES (:bucket, :sku, :category, :orders, :units, :gross, :discount, :revenue, :at)
            ON CONFLICT (bucket_start, sku) DO UPDATE
               SET category = COALESCE(EXCLUDED.category, %1$s.category),
                   orders = %1$s.orders + EXCLUDED.orders,
                   units = %1$s.units + EXCLUDED.units,
                   gross_cents = %1$s.gross_cents + EXCLUDED.gross_cents,
                   discount_cents = %1$s.discount_cents + EXCLUDED.discount_cents,
                   revenue_cents = %1$s.revenue_cents + EXCLUDED.revenue_cents,
                   last_event_at = GREATEST(%1$s.last_event_at, EXCLUDED.last_event_at)""";
    private static final String ADD_TO_HOUR = ADD_TO_BUCKET.formatted("sales_hourly");
    private static final String ADD_TO_DAY = ADD_TO_BUCKET.formatted("sales_daily");

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    SalesProjection(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** What a poll adds to one hour (or day) and SKU. */
    private record HourSku(Instant bucket, String sku) {
    }

    private static final class Addition {
        String category;
        int orders;
        long units;
        long gross;
        long discount;
        long revenue;
        Instant lastEventAt;

        void add(SkuSale sale, Instant at) {
            category = sale.category() != null ? sale.category() : category;
            orders++;
            units += sale.units();
            gross += sale.grossCents();
            discount += sale.discountCents();
            revenue += sale.revenueCents();
            lastEventAt = lastEventAt == null || at.isAfter(lastEventAt) ? at : lastEventAt;
        }

        void add(Addition other) {
            category = other.category != null ? other.category : category;
            orders += other.orders;
            units += other.units;
            gross += other.gross;
            discount += other.discount;
            revenue += other.revenue;
            lastEventAt = lastEventAt == null || other.lastEventAt.isAfter(lastEventAt) ? other.lastEventAt
                    : lastEventAt;
        }
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
        return List.of("sales_order", "sales_hourly", "sales_daily");
    }

    @Override
    public void apply(EventRecord record, DomainEvent event) {
        applyAll(List.of(new DecodedEvent(record, event)));
    }

    @Override
    public void applyAll(List<DecodedEvent> events) {
        List<DecodedEvent> relevant = events.stream()
                .filter(e -> e.event() instanceof OrderConfirmed || e.event() instanceof OrderPaid).toList();
        if (!relevant.isEmpty()) {
            transactions.executeWithoutResult(status -> applyInOrder(relevant));
        }
    }

    private void applyInOrder(List<DecodedEvent> events) {
        int[] advanced = jdbc.batchUpdate(ADVANCE, events.stream().map(SalesProjection::advance)
                .toArray(SqlParameterSource[]::new));
        List<DecodedEvent> payments = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (advanced[i] == Statement.SUCCESS_NO_INFO) {
                throw new IllegalStateException("the driver did not say which sales rows advanced");
            }
            if (advanced[i] == 1 && events.get(i).event() instanceof OrderPaid paid && paid.lines() != null) {
                payments.add(events.get(i));
            }
        }
        if (payments.isEmpty()) {
            return;
        }
        Map<String, Long> confirmedDiscounts = confirmedDiscounts(payments);
        Map<HourSku, Addition> additions = new TreeMap<>(
                Comparator.comparing(HourSku::bucket).thenComparing(HourSku::sku));
        for (DecodedEvent payment : payments) {
            OrderPaid paid = (OrderPaid) payment.event();
            Long confirmed = confirmedDiscounts.get(paid.orderId());
            long discount = confirmed != null ? confirmed : discountFromPayment(paid);
            Instant at = payment.record().occurredAt();
            Instant bucket = at.truncatedTo(ChronoUnit.HOURS);
            for (SkuSale sale : SkuSale.of(paid.lines(), discount)) {
                additions.computeIfAbsent(new HourSku(bucket, sale.sku()), k -> new Addition()).add(sale, at);
            }
        }
        Map<HourSku, Addition> byDay = new TreeMap<>(
                Comparator.comparing(HourSku::bucket).thenComparing(HourSku::sku));
        additions.forEach((hour, addition) -> byDay.computeIfAbsent(
                new HourSku(hour.bucket().truncatedTo(ChronoUnit.DAYS), hour.sku()), k -> new Addition())
                .add(addition));
        add(ADD_TO_HOUR, additions);
        add(ADD_TO_DAY, byDay);
    }

    private void add(String sql, Map<HourSku, Addition> additions) {
        jdbc.batchUpdate(sql, additions.entrySet().stream().map(e -> new MapSqlParameterSource()
                        .addValue("bucket", Timestamp.from(e.getKey().bucket()))
                        .addValue("sku", e.getKey().sku())
                        .addValue("category", e.getValue().category)
                        .addValue("orders", e.getValue().orders)
                        .addValue("units", e.getValue().units)
                        .addValue("gross", e.getValue().gross)
                        .addValue("discount", e.getValue().discount)
                        .addValue("revenue", e.getValue().revenue)
                        .addValue("at", Timestamp.from(e.getValue().lastEventAt)))
                .toArray(SqlParameterSource[]::new));
    }

    private static SqlParameterSource advance(DecodedEvent decoded) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("sequence", decoded.record().sequence())
                .addValue("at", Timestamp.from(decoded.record().occurredAt()));
        return switch (decoded.event()) {
            case OrderConfirmed confirmed -> params.addValue("orderId", confirmed.orderId())
                    .addValue("subtotal", confirmed.subtotalCents())
                    .addValue("discount", confirmed.discountCents())
                    .addValue("total", confirmed.totalCents())
                    .addValue("paidAt", null, Types.TIMESTAMP);
            case OrderPaid paid -> params.addValue("orderId", paid.orderId())
                    .addValue("subtotal", null, Types.BIGINT)
                    .addValue("discount", null, Types.BIGINT)
                    .addValue("total", null, Types.BIGINT)
                    .addValue("paidAt", Timestamp.from(decoded.record().occurredAt()));
            default -> throw new IllegalArgumentException(decoded.record().eventType());
        };
    }

    /** The discount each paid order was confirmed with, as sales_order holds it now (absent if never seen). */
    private Map<String, Long> confirmedDiscounts(List<DecodedEvent> payments) {
        Map<String, Long> discounts = new HashMap<>();
        jdbc.query("SELECT order_id, discount_cents FROM sales_order WHERE order_id IN (:ids)",
                Map.of("ids", payments.stream().map(p -> ((OrderPaid) p.event()).orderId()).distinct().toList()),
                rs -> {
                    long discount = rs.getLong(2);
                    if (!rs.wasNull()) {
                        discounts.put(rs.getString(1), discount);
                    }
                });
        return discounts;
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
