package com.groupbuy.projections.orders;

import com.groupbuy.events.AggregateType;
import com.groupbuy.events.DomainEvent;
import com.groupbuy.events.EventRecord;
import com.groupbuy.events.order.OrderCancelled;
import com.groupbuy.events.order.OrderConfirmed;
import com.groupbuy.events.order.OrderEvent;
import com.groupbuy.events.order.OrderExpired;
import com.groupbuy.events.order.OrderItem;
import com.groupbuy.events.order.OrderPaid;
import com.groupbuy.events.order.OrderPlaced;
import com.groupbuy.events.order.OrderRefunded;
import com.groupbuy.events.order.OrderRejected;
import com.groupbuy.events.order.Promotion;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders, their lines and their timelines in PostgreSQL. A poll's events are applied in one transaction: first
 * every event advances its order row's {@code last_sequence} (one JDBC batch, in order); only the events that did
 * advance it write the rest (lines, prices, payment, timeline), again in batches. An event whose sequence is not
 * greater than the row's is a redelivery and changes nothing.
 */
@Component
class OrdersProjection implements Projection, PostgresReadModel {

    private static final String ADVANCE = """
            INSERT INTO orders (order_id, user_id, status, coupon_id, placed_at, updated_at, last_sequence,
                                last_event_at)
            VALUES (:orderId, :userId, :status, :couponId, :at, now(), :sequence, :at)
            ON CONFLICT (order_id) DO UPDATE
               SET status = EXCLUDED.status,
                   coupon_id = COALESCE(EXCLUDED.coupon_id, orders.coupon_id),
                   updated_at = EXCLUDED.updated_at,
                   last_sequence = EXCLUDED.last_sequence,
                   last_event_at = EXCLUDED.last_event_at
             WHERE orders.last_sequence < EXCLUDED.last_sequence""";
    private static final String PRICE = """
            UPDATE orders
               SET subtotal_cents = :subtotal, discount_cents = :discount, total_cents = :total,
                   payment_due_at = :due
             WHERE order_id = :orderId""";
    private static final String REJECT =
            "UPDATE orders SET reason = :reason, reason_detail = :detail WHERE order_id = :orderId";
    private static final String REFUND = "UPDATE orders SET reason = :reason WHERE order_id = :orderId";
    private static final String PROMOTION = """
            UPDATE orders SET promotion_kind = :kind, promotion_id = :promotionId, group_id = :groupId
             WHERE order_id = :orderId""";
    private static final String PAY =
            "UPDATE orders SET paid_at = :at, payment_ref = :ref WHERE order_id = :orderId";
    /** Lines as asked (OrderPlaced), then as priced (OrderConfirmed); each line keeps the event that wrote it. */
    private static final String LINE = """
            INSERT INTO order_line (order_id, line_no, sku, category, quantity, unit_price_cents, last_sequence)
            VALUES (:orderId, :lineNo, :sku, :category, :quantity, :unitPrice, :sequence)
            ON CONFLICT (order_id, line_no) DO UPDATE
               SET sku = EXCLUDED.sku, category = EXCLUDED.category, quantity = EXCLUDED.quantity,
                   unit_price_cents = EXCLUDED.unit_price_cents, last_sequence = EXCLUDED.last_sequence
             WHERE order_line.last_sequence IS NULL OR order_line.last_sequence < EXCLUDED.last_sequence""";
    private static final String DROP_EXTRA_LINES = """
            DELETE FROM order_line
             WHERE order_id = :orderId AND line_no > :lines
               AND (last_sequence IS NULL OR last_sequence < :sequence)""";
    private static final String TIMELINE = """
            INSERT INTO order_timeline (order_id, sequence, event_type, status, occurred_at)
            VALUES (:orderId, :sequence, :type, :status, :at)
            ON CONFLICT (order_id, sequence) DO NOTHING""";
    /** The statements that follow an advance, in the order they run (each touches its own columns or rows). */
    private static final List<String> FOLLOW_UPS =
            List.of(PRICE, REJECT, REFUND, PROMOTION, PAY, LINE, DROP_EXTRA_LINES, TIMELINE);

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    OrdersProjection(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** A line as far as it is known: OrderPlaced carries neither category nor price. */
    private record Line(String sku, String category, int quantity, Long unitPriceCents) {

        static List<Line> asked(List<OrderItem> items) {
            return items == null ? List.of()
                    : items.stream().map(item -> new Line(item.sku(), null, item.quantity(), null)).toList();
        }

        static List<Line> priced(List<PricedLine> lines) {
            return lines == null ? List.of() : lines.stream()
                    .map(line -> new Line(line.sku(), line.category(), line.quantity(), line.unitPriceCents()))
                    .toList();
        }
    }

    @Override
    public String name() {
        return "orders";
    }

    @Override
    public Set<AggregateType> sources() {
        return Set.of(AggregateType.ORDER);
    }

    @Override
    public List<String> tables() {
        return List.of("orders", "order_line", "order_timeline");
    }

    @Override
    public void apply(EventRecord record, DomainEvent event) {
        applyAll(List.of(new DecodedEvent(record, event)));
    }

    @Override
    public void applyAll(List<DecodedEvent> events) {
        List<DecodedEvent> orderEvents = events.stream().filter(e -> e.event() instanceof OrderEvent).toList();
        if (!orderEvents.isEmpty()) {
            transactions.executeWithoutResult(status -> applyInOrder(orderEvents));
        }
    }

    private void applyInOrder(List<DecodedEvent> events) {
        int[] advanced = jdbc.batchUpdate(ADVANCE, events.stream().map(OrdersProjection::advance)
                .toArray(SqlParameterSource[]::new));
        Map<String, List<SqlParameterSource>> followUps = new LinkedHashMap<>();
        FOLLOW_UPS.forEach(sql -> followUps.put(sql, new ArrayList<>()));
        for (int i = 0; i < events.size(); i++) {
            if (advanced[i] == Statement.SUCCESS_NO_INFO) {
                throw new IllegalStateException("the driver did not say which order rows advanced");
            }
            if (advanced[i] == 1) {
                followUps(events.get(i).record(), (OrderEvent) events.get(i).event(), followUps);
            }
        }
        followUps.forEach((sql, params) -> {
            if (!params.isEmpty()) {
                jdbc.batchUpdate(sql, params.toArray(SqlParameterSource[]::new));
            }
        });
    }

    private static SqlParameterSource advance(DecodedEvent decoded) {
        OrderEvent event = (OrderEvent) decoded.event();
        return new MapSqlParameterSource()
                .addValue("orderId", event.orderId())
                .addValue("userId", event.userId())
                .addValue("status", OrderStatus.after(event).name())
                .addValue("couponId", couponOf(event))
                .addValue("at", timestamp(decoded.record().occurredAt()))
                .addValue("sequence", decoded.record().sequence());
    }

    private static void followUps(EventRecord record, OrderEvent event, Map<String, List<SqlParameterSource>> out) {
        switch (event) {
            case OrderPlaced placed -> {
                lines(placed.orderId(), record.sequence(), Line.asked(placed.items()), out);
                Promotion promotion = placed.promotion();
                if (promotion != null) {
                    out.get(PROMOTION).add(new MapSqlParameterSource()
                            .addValue("kind", promotion.kind().name())
                            .addValue("promotionId", promotion.promotionId())
                            .addValue("groupId", promotion.groupId())
                            .addValue("orderId", placed.orderId()));
                }
            }
            case OrderConfirmed confirmed -> {
                out.get(PRICE).add(new MapSqlParameterSource()
                        .addValue("subtotal", confirmed.subtotalCents())
                        .addValue("discount", confirmed.discountCents())
                        .addValue("total", confirmed.totalCents())
                        .addValue("due", timestamp(confirmed.paymentDueAt()))
                        .addValue("orderId", confirmed.orderId()));
                lines(confirmed.orderId(), record.sequence(), Line.priced(confirmed.lines()), out);
            }
            case OrderRejected rejected -> out.get(REJECT).add(new MapSqlParameterSource()
                    .addValue("reason", truncate(rejected.reason(), 64))
                    .addValue("detail", truncate(rejected.detail(), 500))
                    .addValue("orderId", rejected.orderId()));
            case OrderPaid paid -> out.get(PAY).add(new MapSqlParameterSource()
                    .addValue("at", timestamp(record.occurredAt()))
                    .addValue("ref", truncate(paid.paymentRef(), 128))
                    .addValue("orderId", paid.orderId()));
            case OrderCancelled cancelled -> {
                // the status and the timeline say it all
            }
            case OrderExpired expired -> {
                // the status and the timeline say it all
            }
            case OrderRefunded refunded -> out.get(REFUND).add(new MapSqlParameterSource()
                    .addValue("reason", truncate(refunded.reason(), 64))
                    .addValue("orderId", refunded.orderId()));
        }
        out.get(TIMELINE).add(new MapSqlParameterSource()
                .addValue("orderId", event.orderId())
                .addValue("sequence", record.sequence())
                .addValue("type", record.eventType())
                .addValue("status", OrderStatus.after(event).name())
                .addValue("at", timestamp(record.occurredAt())));
    }

    /** The lines as asked, then as priced; later events carry the same lines and leave them alone. */
    private static void lines(String orderId, long sequence, List<Line> lines,
                              Map<String, List<SqlParameterSource>> out) {
        if (lines.isEmpty()) {
            return;
        }
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            out.get(LINE).add(new MapSqlParameterSource()
                    .addValue("orderId", orderId)
                    .addValue("lineNo", i + 1)
                    .addValue("sku", line.sku())
                    .addValue("category", line.category())
                    .addValue("quantity", line.quantity())
                    .addValue("unitPrice", line.unitPriceCents())
                    .addValue("sequence", sequence));
        }
        out.get(DROP_EXTRA_LINES).add(new MapSqlParameterSource()
                .addValue("orderId", orderId)
                .addValue("lines", lines.size())
                .addValue("sequence", sequence));
    }

    private static String couponOf(OrderEvent event) {
        return switch (event) {
            case OrderPlaced placed -> placed.couponId();
            case OrderConfirmed confirmed -> confirmed.couponId();
            case OrderRejected rejected -> rejected.couponId();
            case OrderCancelled cancelled -> cancelled.couponId();
            case OrderExpired expired -> expired.couponId();
            case OrderRefunded refunded -> refunded.couponId();
            case OrderPaid paid -> null;
        };
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
