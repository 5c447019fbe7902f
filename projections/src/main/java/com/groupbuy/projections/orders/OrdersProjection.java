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
import com.groupbuy.projections.consumer.Projection;
import com.groupbuy.projections.maintenance.PostgresReadModel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import java.util.List;

/**
 * Orders, their lines and their timelines in PostgreSQL. Each event is applied in one transaction that first
 * advances the order row's {@code last_sequence}; when the row is already at or past the event's sequence nothing
 * else is written, so a redelivered event changes nothing.
 */
@Component
class OrdersProjection implements Projection, PostgresReadModel {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    OrdersProjection(JdbcClient jdbc, TransactionTemplate transactions) {
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
        if (event instanceof OrderEvent orderEvent) {
            transactions.executeWithoutResult(status -> applyOnce(record, orderEvent));
        }
    }

    private void applyOnce(EventRecord record, OrderEvent event) {
        OrderStatus status = OrderStatus.after(event);
        if (!advance(record, event, status)) {
            return;
        }
        switch (event) {
            case OrderPlaced placed -> {
                replaceLines(placed.orderId(), record.sequence(), Line.asked(placed.items()));
                recordPromotion(placed.orderId(), placed.promotion());
            }
            case OrderConfirmed confirmed -> {
                price(confirmed);
                replaceLines(confirmed.orderId(), record.sequence(), Line.priced(confirmed.lines()));
            }
            case OrderRejected rejected -> reject(rejected);
            case OrderPaid paid -> pay(record, paid);
            case OrderCancelled cancelled -> {
                // the status and the timeline say it all
            }
            case OrderExpired expired -> {
                // the status and the timeline say it all
            }
            case OrderRefunded refunded -> refund(refunded);
        }
        jdbc.sql("""
                        INSERT INTO order_timeline (order_id, sequence, event_type, status, occurred_at)
                        VALUES (:orderId, :sequence, :type, :status, :at)
                        ON CONFLICT (order_id, sequence) DO NOTHING""")
                .param("orderId", event.orderId())
                .param("sequence", record.sequence())
                .param("type", record.eventType())
                .param("status", status.name())
                .param("at", timestamp(record.occurredAt()))
                .update();
    }

    /** Creates or moves the order row to this event; false when the row is already at or past it. */
    private boolean advance(EventRecord record, OrderEvent event, OrderStatus status) {
        return jdbc.sql("""
                        INSERT INTO orders (order_id, user_id, status, coupon_id, placed_at, updated_at,
                                            last_sequence, last_event_at)
                        VALUES (:orderId, :userId, :status, :couponId, :at, now(), :sequence, :at)
                        ON CONFLICT (order_id) DO UPDATE
                           SET status = EXCLUDED.status,
                               coupon_id = COALESCE(EXCLUDED.coupon_id, orders.coupon_id),
                               updated_at = EXCLUDED.updated_at,
                               last_sequence = EXCLUDED.last_sequence,
                               last_event_at = EXCLUDED.last_event_at
                         WHERE orders.last_sequence < EXCLUDED.last_sequence""")
                .param("orderId", event.orderId())
                .param("userId", event.userId())
                .param("status", status.name())
                .param("couponId", couponOf(event))
                .param("at", timestamp(record.occurredAt()))
                .param("sequence", record.sequence())
                .update() == 1;
    }

    private void price(OrderConfirmed event) {
        jdbc.sql("""
                        UPDATE orders
                           SET subtotal_cents = :subtotal, discount_cents = :discount, total_cents = :total,
                               payment_due_at = :due
                         WHERE order_id = :orderId""")
                .param("subtotal", event.subtotalCents())
                .param("discount", event.discountCents())
                .param("total", event.totalCents())
                .param("due", timestamp(event.paymentDueAt()))
                .param("orderId", event.orderId())
                .update();
    }

    private void reject(OrderRejected event) {
        jdbc.sql("UPDATE orders SET reason = :reason, reason_detail = :detail WHERE order_id = :orderId")
                .param("reason", truncate(event.reason(), 64))
                .param("detail", truncate(event.detail(), 500))
                .param("orderId", event.orderId())
                .update();
    }

    private void refund(OrderRefunded event) {
        jdbc.sql("UPDATE orders SET reason = :reason WHERE order_id = :orderId")
                .param("reason", truncate(event.reason(), 64))
                .param("orderId", event.orderId())
                .update();
    }

    private void recordPromotion(String orderId, Promotion promotion) {
        if (promotion == null) {
            return;
        }
        jdbc.sql("""
                        UPDATE orders SET promotion_kind = :kind, promotion_id = :promotionId, group_id = :groupId
                         WHERE order_id = :orderId""")
                .param("kind", promotion.kind().name())
                .param("promotionId", promotion.promotionId())
                .param("groupId", promotion.groupId())
                .param("orderId", orderId)
                .update();
    }

    private void pay(EventRecord record, OrderPaid event) {
        jdbc.sql("UPDATE orders SET paid_at = :at, payment_ref = :ref WHERE order_id = :orderId")
                .param("at", timestamp(record.occurredAt()))
                .param("ref", truncate(event.paymentRef(), 128))
                .param("orderId", event.orderId())
                .update();
    }

    /** The lines as asked (OrderPlaced), then as priced (OrderConfirmed); later events carry the same lines. */
    private void replaceLines(String orderId, long sequence, List<Line> lines) {
        if (lines.isEmpty()) {
            return;
        }
        jdbc.sql("DELETE FROM order_line WHERE order_id = ?").param(orderId).update();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            jdbc.sql("""
                            INSERT INTO order_line (order_id, line_no, sku, category, quantity, unit_price_cents,
                                                    last_sequence)
                            VALUES (:orderId, :lineNo, :sku, :category, :quantity, :unitPrice, :sequence)""")
                    .param("orderId", orderId)
                    .param("lineNo", i + 1)
                    .param("sku", line.sku())
                    .param("category", line.category())
                    .param("quantity", line.quantity())
                    .param("unitPrice", line.unitPriceCents())
                    .param("sequence", sequence)
                    .update();
        }
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
