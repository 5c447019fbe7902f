package com.groupbuy.query.orders;

import com.groupbuy.contract.PickupCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.groupbuy.query.web.Rows.instant;
import static com.groupbuy.query.web.Rows.nullableLong;

/** The orders read model in PostgreSQL (written by the orders projection; see docs/read-models.md). */
@Component
class OrderHistory {

    private final JdbcClient jdbc;

    OrderHistory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<OrderView> find(String orderId) {
        return jdbc.sql("SELECT o.*, " + OrderPromotion.GROUP_COLUMNS + " FROM orders o "
                        + OrderPromotion.GROUP_JOIN + " WHERE o.order_id = ?")
                .param(orderId)
                .query((rs, row) -> new OrderView(rs.getString("order_id"), rs.getString("user_id"),
                        rs.getString("status"), List.of(), nullableLong(rs, "subtotal_cents"),
                        nullableLong(rs, "discount_cents"), nullableLong(rs, "total_cents"),
                        rs.getString("coupon_id"), rs.getString("reason"), rs.getString("reason_detail"),
                        instant(rs, "placed_at"), instant(rs, "payment_due_at"), instant(rs, "paid_at"),
                        instant(rs, "last_event_at"), rs.getLong("last_sequence"), OrderPromotion.of(rs),
                        rs.getTimestamp("paid_at") == null ? null : PickupCode.of(rs.getString("order_id")),
                        instant(rs, "collect_by"), nullableLong(rs, "refunded_cents"), List.of()))
                .optional()
                .map(order -> order.with(lines(orderId), timeline(orderId)));
    }

    /** The user's orders, newest first. */
    List<OrderSummary> ofUser(String userId, OrderStatus status, int page, int size) {
        return jdbc.sql("""
                        SELECT o.order_id, o.status, o.subtotal_cents, o.discount_cents, o.total_cents,
                               o.coupon_id, o.reason, o.placed_at, o.last_event_at, o.promotion_kind,
                               o.promotion_id, o.group_id, %s
                          FROM orders o %s
                         WHERE o.user_id = :userId
                           AND (CAST(:status AS VARCHAR) IS NULL OR o.status = :status)
                         ORDER BY o.placed_at DESC, o.order_id DESC
                         LIMIT :size OFFSET :offset""".formatted(OrderPromotion.GROUP_COLUMNS,
                        OrderPromotion.GROUP_JOIN))
                .param("userId", userId)
                .param("status", status == null ? null : status.name())
                .param("size", size)
                .param("offset", (long) page * size)
                .query((rs, row) -> new OrderSummary(rs.getString("order_id"), rs.getString("status"),
                        nullableLong(rs, "subtotal_cents"), nullableLong(rs, "discount_cents"),
                        nullableLong(rs, "total_cents"), rs.getString("coupon_id"), rs.getString("reason"),
                        OrderPromotion.of(rs), instant(rs, "placed_at"), instant(rs, "last_event_at")))
                .list();
    }

    /**
     * The counter's queue: paid orders that may be prepared (a group order once its group completed), those being
     * prepared and those ready, oldest first, with their lines.
     */
    List<CounterQueue.Entry> counterQueue(int size) {
        List<CounterQueue.Entry> entries = jdbc.sql("""
                        SELECT order_id, status, to_prepare_since, collect_by, promotion_kind FROM orders
                         WHERE status IN ('PAID', 'PREPARING', 'READY') AND to_prepare_since IS NOT NULL
                         ORDER BY to_prepare_since, order_id
                         LIMIT ?""")
                .param(size)
                .query((rs, row) -> new CounterQueue.Entry(rs.getString("order_id"),
                        PickupCode.of(rs.getString("order_id")), rs.getString("status"),
                        instant(rs, "to_prepare_since"), instant(rs, "collect_by"), rs.getString("promotion_kind"),
                        List.of()))
                .list();
        Map<String, List<OrderView.Line>> lines = linesOf(entries.stream().map(CounterQueue.Entry::orderId).toList());
        return entries.stream().map(entry -> entry.with(lines.getOrDefault(entry.orderId(), List.of()))).toList();
    }

    /** The lines of several orders in one query, by order. */
    private Map<String, List<OrderView.Line>> linesOf(List<String> orderIds) {
        Map<String, List<OrderView.Line>> lines = new HashMap<>();
        if (orderIds.isEmpty()) {
            return lines;
        }
        jdbc.sql("""
                        SELECT order_id, sku, category, quantity, unit_price_cents, options FROM order_line
                         WHERE order_id = ANY(?) ORDER BY order_id, line_no""")
                .param(orderIds.toArray(String[]::new))
                .query(rs -> {
                    lines.computeIfAbsent(rs.getString("order_id"), id -> new ArrayList<>()).add(line(rs));
                });
        return lines;
    }

    private List<OrderView.Line> lines(String orderId) {
        return jdbc.sql("""
                        SELECT sku, category, quantity, unit_price_cents, options FROM order_line
                         WHERE order_id = ? ORDER BY line_no""")
                .param(orderId)
                .query((rs, row) -> line(rs))
                .list();
    }

    private static OrderView.Line line(ResultSet rs) throws SQLException {
        return new OrderView.Line(rs.getString("sku"), rs.getString("category"), rs.getInt("quantity"),
                nullableLong(rs, "unit_price_cents"), rs.getString("options"));
    }

    private List<OrderView.TimelineEntry> timeline(String orderId) {
        return jdbc.sql("""
                        SELECT sequence, event_type, status, occurred_at FROM order_timeline
                         WHERE order_id = ? ORDER BY sequence""")
                .param(orderId)
                .query((rs, row) -> new OrderView.TimelineEntry(rs.getLong("sequence"), rs.getString("event_type"),
                        rs.getString("status"), instant(rs, "occurred_at")))
                .list();
    }
}
