package com.groupbuy.projections.orders;

import com.groupbuy.events.AggregateType;
import com.groupbuy.events.DomainEvent;
import com.groupbuy.events.EventRecord;
import com.groupbuy.events.order.OrderCancelled;
import com.groupbuy.events.order.OrderConfirmed;
import com.groupbuy.events.order.OrderEvent;
import com.groupbuy.events.order.OrderExpired;
import com.groupbuy.events.order.OrderGroupCompleted;
import com.groupbuy.events.order.OrderNotCollected;
import com.groupbuy.events.order.OrderItem;
import com.groupbuy.events.order.OrderPaid;
import com.groupbuy.events.order.OrderPartiallyRefunded;
import com.groupbuy.events.order.OrderPickedUp;
import com.groupbuy.events.order.OrderPlaced;
import com.groupbuy.events.order.OrderPreparationStarted;
import com.groupbuy.events.order.OrderReadyForPickup;
import com.groupbuy.events.order.OrderRefunded;
import com.groupbuy.events.order.OrderRejected;
import com.groupbuy.events.order.Promotion;
import com.groupbuy.events.order.PricedLine;
import com.groupbuy.projections.consumer.DecodedEvent;
import com.groupbuy.projections.consumer.Projection;
import com.groupbuy.projections.maintenance.PostgresReadModel;
import org.springframework.jdbc.core.PreparedStatementCreator;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Orders, their lines and their timelines in PostgreSQL. A poll's events are applied in one transaction, with one
 * set-based statement per step: first the events advance their order rows (the k-th event of every order in the
 * poll in one statement, k = 1, 2, …, so an order's events apply in sequence); an event whose sequence is not
 * greater than the row's {@code last_sequence} is a redelivery and changes nothing. Only the events that did
 * advance their row then write the lines and the timeline.
 */
@Component
class OrdersProjection implements Projection, PostgresReadModel {

    /** Status, sequence and every column an event sets, for one event per order (a wave of the poll). */
    private static final String ADVANCE = """
            INSERT INTO orders AS o (order_id, user_id, status, coupon_id, placed_at, updated_at, last_sequence,
                                     last_event_at, subtotal_cents, discount_cents, total_cents, payment_due_at,
                                     paid_at, payment_ref, reason, reason_detail, promotion_kind, promotion_id,
                                     group_id, to_prepare_since, collect_by, refunded_cents)
            SELECT t.order_id, t.user_id, t.status, t.coupon_id, t.at::timestamptz, now(), t.sequence,
                   t.at::timestamptz, t.subtotal, t.discount, t.total, t.due::timestamptz, t.paid_at::timestamptz,
                   t.payment_ref, t.reason, t.reason_detail, t.promotion_kind, t.promotion_id, t.group_id,
                   t.to_prepare_since::timestamptz, t.collect_by::timestamptz, t.refunded
              FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int8[], ?::int8[], ?::int8[],
                          ?::int8[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                          ?::text[], ?::text[], ?::text[], ?::int8[])
                   AS t(order_id, user_id, status, coupon_id, at, sequence, subtotal, discount, total, due, paid_at,
                        payment_ref, reason, reason_detail, promotion_kind, promotion_id, group_id,
                        to_prepare_since, collect_by, refunded)
            ON CONFLICT (order_id) DO UPDATE
               SET status = EXCLUDED.status,
                   coupon_id = COALESCE(EXCLUDED.coupon_id, o.coupon_id),
                   updated_at = EXCLUDED.updated_at,
                   last_sequence = EXCLUDED.last_sequence,
                   last_event_at = EXCLUDED.last_event_at,
                   subtotal_cents = COALESCE(EXCLUDED.subtotal_cents, o.subtotal_cents),
                   discount_cents = COALESCE(EXCLUDED.discount_cents, o.discount_cents),
                   total_cents = COALESCE(EXCLUDED.total_cents, o.total_cents),
                   payment_due_at = COALESCE(EXCLUDED.payment_due_at, o.payment_due_at),
                   paid_at = COALESCE(EXCLUDED.paid_at, o.paid_at),
                   payment_ref = COALESCE(EXCLUDED.payment_ref, o.payment_ref),
                   reason = COALESCE(EXCLUDED.reason, o.reason),
                   reason_detail = COALESCE(EXCLUDED.reason_detail, o.reason_detail),
                   promotion_kind = COALESCE(EXCLUDED.promotion_kind, o.promotion_kind),
                   promotion_id = COALESCE(EXCLUDED.promotion_id, o.promotion_id),
                   group_id = COALESCE(EXCLUDED.group_id, o.group_id),
                   to_prepare_since = COALESCE(EXCLUDED.to_prepare_since, o.to_prepare_since),
                   collect_by = COALESCE(EXCLUDED.collect_by, o.collect_by),
                   refunded_cents = CASE WHEN EXCLUDED.status = 'REFUNDED' THEN o.total_cents
                                         ELSE COALESCE(EXCLUDED.refunded_cents, o.refunded_cents) END
             WHERE o.last_sequence < EXCLUDED.last_sequence
            RETURNING order_id""";
    /** Lines as asked (OrderPlaced), then as priced (OrderConfirmed); each line keeps the event that wrote it. */
    private static final String LINES = """
            INSERT INTO order_line AS l (order_id, line_no, sku, category, quantity, unit_price_cents, last_sequence,
                                         options)
            SELECT * FROM unnest(?::text[], ?::int4[], ?::text[], ?::text[], ?::int4[], ?::int8[], ?::int8[],
                                 ?::text[])
            ON CONFLICT (order_id, line_no) DO UPDATE
               SET sku = EXCLUDED.sku, category = EXCLUDED.category, quantity = EXCLUDED.quantity,
                   unit_price_cents = EXCLUDED.unit_price_cents, last_sequence = EXCLUDED.last_sequence,
                   options = EXCLUDED.options
             WHERE l.last_sequence IS NULL OR l.last_sequence < EXCLUDED.last_sequence""";
    /** Priced lines may be fewer than asked ones. */
    private static final String DROP_EXTRA_LINES = """
            DELETE FROM order_line l
             USING unnest(?::text[], ?::int4[], ?::int8[]) AS t(order_id, lines, sequence)
             WHERE l.order_id = t.order_id AND l.line_no > t.lines
               AND (l.last_sequence IS NULL OR l.last_sequence < t.sequence)""";
    private static final String TIMELINE = """
            INSERT INTO order_timeline (order_id, sequence, event_type, status, occurred_at)
            SELECT t.order_id, t.sequence, t.event_type, t.status, t.at::timestamptz
              FROM unnest(?::text[], ?::int8[], ?::text[], ?::text[], ?::text[])
                   AS t(order_id, sequence, event_type, status, at)
            ON CONFLICT (order_id, sequence) DO NOTHING""";

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    OrdersProjection(NamedParameterJdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * A line as far as it is known: OrderPlaced carries neither category nor price, and only the codes of its
     * options ({@code [{"group","code"}]}); OrderConfirmed the options as priced (with name, priceDeltaCents,
     * stockSku). {@code options} is that JSON array.
     */
    private record Line(String sku, String category, int quantity, Long unitPriceCents, String options) {

        private static final JsonMapper JSON = JsonMapper.builder().build();

        private record AskedOption(String group, String code) {
        }

        static List<Line> asked(List<OrderItem> items) {
            return items == null ? List.of() : items.stream()
                    .map(item -> new Line(item.sku(), null, item.quantity(), null, JSON.writeValueAsString(
                            item.options().entrySet().stream().sorted(Map.Entry.comparingByKey())
                                    .flatMap(group -> group.getValue().stream()
                                            .map(code -> new AskedOption(group.getKey(), code)))
                                    .toList())))
                    .toList();
        }

        static List<Line> priced(List<PricedLine> lines) {
            return lines == null ? List.of() : lines.stream()
                    .map(line -> new Line(line.sku(), line.category(), line.quantity(), line.unitPriceCents(),
                            JSON.writeValueAsString(line.options())))
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
        List<List<DecodedEvent>> waves = new ArrayList<>();
        Map<String, Integer> perOrder = new HashMap<>();
        for (DecodedEvent event : events) {
            int wave = perOrder.merge(((OrderEvent) event.event()).orderId(), 1, Integer::sum) - 1;
            if (wave == waves.size()) {
                waves.add(new ArrayList<>());
            }
            waves.get(wave).add(event);
        }
        List<DecodedEvent> advanced = new ArrayList<>();
        for (List<DecodedEvent> wave : waves) {
            Set<String> moved = new HashSet<>(jdbc.getJdbcTemplate().query(advance(wave),
                    (rs, row) -> rs.getString(1)));
            wave.stream().filter(e -> moved.contains(((OrderEvent) e.event()).orderId())).forEach(advanced::add);
        }
        writeLinesAndTimeline(advanced);
    }

    private static PreparedStatementCreator advance(List<DecodedEvent> wave) {
        ColumnArrays rows = new ColumnArrays("text", "text", "text", "text", "text", "int8", "int8", "int8", "int8",
                "text", "text", "text", "text", "text", "text", "text", "text", "text", "text", "int8");
        for (DecodedEvent decoded : wave) {
            OrderEvent event = (OrderEvent) decoded.event();
            Long subtotal = null;
            Long discount = null;
            Long total = null;
            String due = null;
            String paidAt = null;
            String paymentRef = null;
            String reason = null;
            String reasonDetail = null;
            Promotion promotion = null;
            String toPrepareSince = null;
            String collectBy = null;
            Long refundedInAll = null;
            switch (event) {
                case OrderPlaced placed -> promotion = placed.promotion();
                case OrderConfirmed confirmed -> {
                    subtotal = confirmed.subtotalCents();
                    discount = confirmed.discountCents();
                    total = confirmed.totalCents();
                    due = text(confirmed.paymentDueAt());
                }
                case OrderRejected rejected -> {
                    reason = truncate(rejected.reason(), 64);
                    reasonDetail = truncate(rejected.detail(), 500);
                }
                case OrderPaid paid -> {
                    paidAt = text(decoded.record().occurredAt());
                    paymentRef = truncate(paid.paymentRef(), 128);
                    if (paid.promotion() == null || !paid.promotion().isGroupBuy()) {
                        toPrepareSince = paidAt; // a group order waits for its group
                    }
                }
                case OrderGroupCompleted groupCompleted -> toPrepareSince = text(decoded.record().occurredAt());
                case OrderReadyForPickup ready -> collectBy = text(ready.collectBy());
                case OrderPreparationStarted started -> {
                    // the status and the timeline say it all
                }
                case OrderPickedUp pickedUp -> {
                    // the status and the timeline say it all
                }
                case OrderNotCollected notCollected -> {
                    // the status and the timeline say it all
                }
                case OrderRefunded refunded -> {
                    reason = truncate(refunded.reason(), 64);
                    reasonDetail = truncate(refunded.note(), 500);
                }
                case OrderPartiallyRefunded partly -> {
                    refundedInAll = partly.refundedInAllCents();
                    reasonDetail = truncate(partly.note(), 500);
                }
                case OrderCancelled cancelled -> {
                    // the status and the timeline say it all
                }
                case OrderExpired expired -> {
                    // the status and the timeline say it all
                }
            }
            rows.add(event.orderId(), event.userId(), OrderStatus.after(event).name(), couponOf(event),
                    text(decoded.record().occurredAt()), decoded.record().sequence(), subtotal, discount, total, due,
                    paidAt, paymentRef, reason, reasonDetail,
                    promotion == null ? null : promotion.kind().name(),
                    promotion == null ? null : promotion.promotionId(),
                    promotion == null ? null : promotion.groupId(), toPrepareSince, collectBy, refundedInAll);
        }
        return rows.statement(ADVANCE);
    }

    /**
     * The lines as asked, then as priced (later events carry the same lines and leave them alone), and one
     * timeline row per event. Of several line sets of one order in a poll, the latest wins, as it would one by one.
     */
    private void writeLinesAndTimeline(List<DecodedEvent> advanced) {
        Map<String, DecodedEvent> lineWriters = new LinkedHashMap<>();
        ColumnArrays timeline = new ColumnArrays("text", "int8", "text", "text", "text");
        for (DecodedEvent decoded : advanced) {
            OrderEvent event = (OrderEvent) decoded.event();
            if (!linesOf(event).isEmpty()) {
                lineWriters.put(event.orderId(), decoded);
            }
            timeline.add(event.orderId(), decoded.record().sequence(), decoded.record().eventType(),
                    OrderStatus.after(event).name(), text(decoded.record().occurredAt()));
        }
        if (!lineWriters.isEmpty()) {
            ColumnArrays lines = new ColumnArrays("text", "int4", "text", "text", "int4", "int8", "int8", "text");
            ColumnArrays counts = new ColumnArrays("text", "int4", "int8");
            for (DecodedEvent decoded : lineWriters.values()) {
                OrderEvent event = (OrderEvent) decoded.event();
                List<Line> eventLines = linesOf(event);
                for (int i = 0; i < eventLines.size(); i++) {
                    Line line = eventLines.get(i);
                    lines.add(event.orderId(), i + 1, line.sku(), line.category(), line.quantity(),
                            line.unitPriceCents(), decoded.record().sequence(), line.options());
                }
                counts.add(event.orderId(), eventLines.size(), decoded.record().sequence());
            }
            jdbc.getJdbcTemplate().update(lines.statement(LINES));
            jdbc.getJdbcTemplate().update(counts.statement(DROP_EXTRA_LINES));
        }
        if (!timeline.isEmpty()) {
            jdbc.getJdbcTemplate().update(timeline.statement(TIMELINE));
        }
    }

    private static List<Line> linesOf(OrderEvent event) {
        return switch (event) {
            case OrderPlaced placed -> Line.asked(placed.items());
            case OrderConfirmed confirmed -> Line.priced(confirmed.lines());
            default -> List.of();
        };
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
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
            case OrderGroupCompleted groupCompleted -> null;
            case OrderPreparationStarted started -> null;
            case OrderReadyForPickup ready -> null;
            case OrderPickedUp pickedUp -> null;
            case OrderNotCollected notCollected -> null;
            case OrderPartiallyRefunded partly -> null;
        };
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
