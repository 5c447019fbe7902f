package com.groupbuy.query.groupbuys;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** A deal's performance from the group-buys read model in PostgreSQL (one indexed pass over its groups). */
@Component
class GroupBuyAnalytics {

    private final JdbcClient jdbc;

    GroupBuyAnalytics(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<GroupBuyStats> of(String groupBuyId) {
        return jdbc.sql("""
                        SELECT d.group_buy_id AS deal_id, d.sku, d.group_price_cents, d.group_size, d.starts_at,
                               d.ends_at, d.status AS deal_status, d.cancelled_at, g.*
                          FROM (SELECT COUNT(*) AS opened,
                                       COUNT(*) FILTER (WHERE status = 'OPEN') AS open,
                                       COUNT(*) FILTER (WHERE status = 'COMPLETED') AS completed,
                                       COUNT(*) FILTER (WHERE status = 'FAILED') AS failed,
                                       COALESCE(SUM(joins), 0) AS joined,
                                       COALESCE(SUM(members), 0) AS members_now,
                                       COALESCE(SUM(paid_members), 0) AS paid
                                  FROM group_buy_group WHERE group_buy_id = :id) g
                          LEFT JOIN group_buy d ON d.group_buy_id = :id""")
                .param("id", groupBuyId)
                .query((rs, row) -> {
                    long opened = rs.getLong("opened");
                    if (rs.getString("deal_id") == null && opened == 0) {
                        return null;
                    }
                    long completed = rs.getLong("completed");
                    long failed = rs.getLong("failed");
                    double rate = completed + failed == 0 ? 0 : (double) completed / (completed + failed);
                    return new GroupBuyStats(groupBuyId, rs.getString("sku"),
                            rs.getObject("group_price_cents", Long.class),
                            rs.getObject("group_size", Integer.class), instant(rs.getTimestamp("starts_at")),
                            instant(rs.getTimestamp("ends_at")), opened, rs.getLong("open"), completed, failed,
                            rs.getLong("joined"), rs.getLong("members_now"), rs.getLong("paid"), rate,
                            rs.getString("deal_status"), instant(rs.getTimestamp("cancelled_at")));
                })
                .optional();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
