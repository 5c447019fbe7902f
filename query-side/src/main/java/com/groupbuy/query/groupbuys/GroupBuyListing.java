package com.groupbuy.query.groupbuys;

import com.groupbuy.events.groupbuy.HappyHours;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * The group-buy deals running now, for customers finding them, each with how many of its groups can still be
 * joined (open, not full, window not over), from the group-buys read model (PostgreSQL), the soonest to end first.
 */
@Component
class GroupBuyListing {

    private final JdbcClient jdbc;

    GroupBuyListing(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * A deal on offer: open a group of {@code groupSize}, or join one of the {@code joinableGroups}. A deal with
     * {@code happyHours} opens groups only within them: {@code opensGroupsNow} says whether it does now (joining a
     * group already open is not bound to them). Members may choose options in the product's {@code allowedOptions}
     * groups (empty: the standard make).
     */
    record OfferedDeal(String groupBuyId, String sku, long groupPriceCents, int groupSize, long windowSeconds,
                       Instant startsAt, Instant endsAt, long joinableGroups, HappyHours happyHours,
                       boolean opensGroupsNow, List<String> allowedOptions) {
    }

    private static final TypeReference<List<String>> GROUP_CODES = new TypeReference<>() {
    };

    List<OfferedDeal> running(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT d.group_buy_id, d.sku, d.group_price_cents, d.group_size, d.window_seconds,
                               d.starts_at, d.ends_at, d.happy_hours, d.allowed_options,
                               COUNT(g.group_id) FILTER (WHERE g.status = 'OPEN' AND g.members < g.group_size
                                                           AND g.expires_at > :now) AS joinable
                          FROM group_buy d
                          LEFT JOIN group_buy_group g ON g.group_buy_id = d.group_buy_id
                         WHERE d.starts_at <= :now AND d.ends_at > :now AND d.status = 'ACTIVE'
                         GROUP BY d.group_buy_id
                         ORDER BY d.ends_at, d.group_buy_id
                         LIMIT :limit""")
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query((rs, row) -> {
                    String hours = rs.getString("happy_hours");
                    HappyHours happyHours = hours == null ? null : JSON.readValue(hours, HappyHours.class);
                    String allowed = rs.getString("allowed_options");
                    return new OfferedDeal(rs.getString("group_buy_id"), rs.getString("sku"),
                            rs.getLong("group_price_cents"), rs.getInt("group_size"), rs.getLong("window_seconds"),
                            rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
                            rs.getLong("joinable"), happyHours, happyHours == null || happyHours.isOpenAt(now),
                            allowed == null ? List.of() : JSON.readValue(allowed, GROUP_CODES));
                })
                .list();
    }
}
