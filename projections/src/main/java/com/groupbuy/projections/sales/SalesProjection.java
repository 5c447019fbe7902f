package com.groupbuy.projections.sales;

import com.groupbuy.events.AggregateType;
import com.groupbuy.events.DomainEvent;
import com.groupbuy.events.EventRecord;
import com.groupbuy.events.order.OrderConfirmed;
import com.groupbuy.events.order.OrderPaid;
import com.groupbuy.events.order.OrderPartiallyRefunded;
import com.groupbuy.events.order.OrderRefunded;
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
 * adds the order's lines, with the discount spread over them, to the hour (and the UTC day) it was paid in.
 * OrderRefunded (a failed group's paid order) takes the same sale back out of that hour, so the figures count the
 * sales that stand; OrderPartiallyRefunded takes the money paid back off that hour's revenue (shared over the lines
 * as a discount is), and a full refund after it takes the rest. A poll is applied in one transaction: the {@code sales_order} rows in one JDBC batch (in order, so the update counts say which
 * payments advanced), then the poll's additions summed per hour and SKU, one upsert each.
 */
@Component
class SalesProjection implements Projection, PostgresReadModel {

    /** OrderConfirmed sets the pricing, OrderPaid the payment time; each leaves the other's columns alone. */
    private static final String ADVANCE = """
            INSERT INTO sales_order (order_id, subtotal_cents, discount_cents, total_cents, paid_at, last_sequence,
                                     last_event_at, refunded_cents)
            VALUES (:orderId, :subtotal, :discount, :total, :paidAt, :sequence, :at, :refunded)
            ON CONFLICT (order_id) DO UPDATE
               SET subtotal_cents = COALESCE(EXCLUDED.subtotal_cents, sales_order.subtotal_cents),
                   refunded_cents = COALESCE(EXCLUDED.refunded_cents, sales_order.refunded_cents),
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

        /** Adds a sale ({@code sign} 1) or takes it back out ({@code sign} −1, a refund). */
        void add(SkuSale sale, int sign, Instant at) {
            category = sale.category() != null ? sale.category() : category;
            orders += sign;
            units += sign * sale.units();
            gross += sign * sale.grossCents();
            discount += sign * sale.discountCents();
            revenue += sign * sale.revenueCents();
            lastEventAt = lastEventAt == null || at.isAfter(lastEventAt) ? at : lastEventAt;
        }

        /** Money paid back of a sale that stands (a partial refund, {@code sign} 1), or added back ({@code -1}). */
        void refund(String saleCategory, long cents, int sign, Instant at) {
            category = saleCategory != null ? saleCategory : category;
            revenue -= sign * cents;
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
                .filter(e -> e.event() instanceof OrderConfirmed || e.event() instanceof OrderPaid
                        || e.event() instanceof OrderRefunded || e.event() instanceof OrderPartiallyRefunded).toList();
        if (!relevant.isEmpty()) {
            transactions.executeWithoutResult(status -> applyInOrder(relevant));
        }
    }

    private void applyInOrder(List<DecodedEvent> events) {
        int[] advanced = jdbc.batchUpdate(ADVANCE, events.stream().map(SalesProjection::advance)
                .toArray(SqlParameterSource[]::new));
        List<DecodedEvent> changes = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            if (advanced[i] == Statement.SUCCESS_NO_INFO) {
                throw new IllegalStateException("the driver did not say which sales rows advanced");
            }
            boolean moves = switch (events.get(i).event()) {
                case OrderPaid paid -> paid.lines() != null;
                case OrderRefunded refunded -> refunded.lines() != null;
                case OrderPartiallyRefunded partly -> partly.lines() != null;
                default -> false;
            };
            if (advanced[i] == 1 && moves) {
                changes.add(events.get(i));
            }
        }
        if (changes.isEmpty()) {
            return;
        }
        Map<String, Sold> sold = sold(changes);
        Map<HourSku, Addition> additions = new TreeMap<>(
                Comparator.comparing(HourSku::bucket).thenComparing(HourSku::sku));
        for (DecodedEvent change : changes) {
            Instant at = change.record().occurredAt();
            switch (change.event()) {
                case OrderPaid paid -> {
                    Sold known = sold.get(paid.orderId());
                    long discount = known != null && known.discountCents() != null ? known.discountCents()
                            : discountFromPayment(paid.lines(), paid.amountCents());
                    addAll(additions, at.truncatedTo(ChronoUnit.HOURS), SkuSale.of(paid.lines(), discount), 1, at);
                }
                case OrderRefunded refunded -> {
                    Sold known = sold.get(refunded.orderId());
                    if (known != null && known.paidAt() != null) {
                        long discount = known.discountCents() != null ? known.discountCents()
                                : discountFromPayment(refunded.lines(), refunded.amountCents());
                        addAll(additions, known.paidAt().truncatedTo(ChronoUnit.HOURS),
                                SkuSale.of(refunded.lines(), discount), -1, at);
                        // the partial refunds before came off the revenue already: the sale goes as a whole
                        refundAll(additions, known.paidAt().truncatedTo(ChronoUnit.HOURS), refunded.lines(),
                                known.refundedCents(), -1, at);
                    }
                }
                case OrderPartiallyRefunded partly -> {
                    Sold known = sold.get(partly.orderId());
                    if (known != null && known.paidAt() != null) {
                        refundAll(additions, known.paidAt().truncatedTo(ChronoUnit.HOURS), partly.lines(),
                                partly.amountCents(), 1, at);
                    }
                }
                default -> throw new IllegalStateException(change.record().eventType());
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

    private static void addAll(Map<HourSku, Addition> additions, Instant bucket, List<SkuSale> sales, int sign,
                               Instant at) {
        for (SkuSale sale : sales) {
            additions.computeIfAbsent(new HourSku(bucket, sale.sku()), k -> new Addition()).add(sale, sign, at);
        }
    }

    /** Money paid back ({@code sign} 1) or added back (−1), shared over the lines as a discount is. */
    private static void refundAll(Map<HourSku, Addition> additions, Instant bucket, List<PricedLine> lines,
                                  long cents, int sign, Instant at) {
        if (cents == 0) {
            return;
        }
        long[] shares = DiscountAllocation.allocate(lines.stream().map(PricedLine::lineTotalCents).toList(), cents);
        for (int i = 0; i < lines.size(); i++) {
            additions.computeIfAbsent(new HourSku(bucket, lines.get(i).sku()), k -> new Addition())
                    .refund(lines.get(i).category(), shares[i], sign, at);
        }
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
                    .addValue("paidAt", null, Types.TIMESTAMP)
                    .addValue("refunded", null, Types.BIGINT);
            case OrderPaid paid -> params.addValue("orderId", paid.orderId())
                    .addValue("subtotal", null, Types.BIGINT)
                    .addValue("discount", null, Types.BIGINT)
                    .addValue("total", null, Types.BIGINT)
                    .addValue("paidAt", Timestamp.from(decoded.record().occurredAt()))
                    .addValue("refunded", null, Types.BIGINT);
            case OrderRefunded refunded -> params.addValue("orderId", refunded.orderId())
                    .addValue("subtotal", null, Types.BIGINT)
                    .addValue("discount", null, Types.BIGINT)
                    .addValue("total", null, Types.BIGINT)
                    .addValue("paidAt", null, Types.TIMESTAMP)
                    .addValue("refunded", null, Types.BIGINT);
            case OrderPartiallyRefunded partly -> params.addValue("orderId", partly.orderId())
                    .addValue("subtotal", null, Types.BIGINT)
                    .addValue("discount", null, Types.BIGINT)
                    .addValue("total", null, Types.BIGINT)
                    .addValue("paidAt", null, Types.TIMESTAMP)
                    .addValue("refunded", partly.refundedInAllCents());
            default -> throw new IllegalArgumentException(decoded.record().eventType());
        };
    }

    /**
     * What sales_order knows of an order: the discount it was confirmed with, when it was paid, and what its partial
     * refunds came to (this poll's included).
     */
    private record Sold(Long discountCents, Instant paidAt, long refundedCents) {
    }

    /** sales_order's rows of the orders the poll pays or refunds, as they are now (absent if never seen). */
    private Map<String, Sold> sold(List<DecodedEvent> changes) {
        Map<String, Sold> rows = new HashMap<>();
        jdbc.query("""
                        SELECT order_id, discount_cents, paid_at, COALESCE(refunded_cents, 0) FROM sales_order
                         WHERE order_id IN (:ids)""",
                Map.of("ids", changes.stream().map(c -> c.record().aggregateId()).distinct().toList()),
                rs -> {
                    long discount = rs.getLong(2);
                    Long known = rs.wasNull() ? null : discount;
                    Timestamp paidAt = rs.getTimestamp(3);
                    rows.put(rs.getString(1), new Sold(known, paidAt == null ? null : paidAt.toInstant(),
                            rs.getLong(4)));
                });
        return rows;
    }

    /**
     * The discount when the order's confirmation was never seen here (it always precedes the payment on the
     * order's partition, so only a topic read from the middle lacks it): the amount paid equals the total.
     */
    private static long discountFromPayment(List<PricedLine> lines, long amountCents) {
        long subtotal = lines.stream().mapToLong(PricedLine::lineTotalCents).sum();
        return Math.max(0, subtotal - amountCents);
    }
}
