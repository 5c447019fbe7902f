package com.groupbuy.query.flashsales;

import com.groupbuy.events.groupbuy.HappyHours;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The flash sales on offer, for customers finding them: running now or starting within {@code ahead}, from the
 * flash-sale-stats read model (PostgreSQL), running ones first and the soonest to end first among them.
 */
@Component
class FlashSaleListing {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    FlashSaleListing(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A sale on offer; {@code remaining} is what the read model has seen taken so far. A sale with
     * {@code happyHours} sells only within them; {@code openNow} says whether it sells now (active and, with happy
     * hours, within them).
     */
    record OfferedSale(String flashSaleId, String sku, long priceCents, int quantity, int perUserLimit,
                       int remaining, Instant startsAt, Instant endsAt, FlashSaleStatus status,
                       HappyHours happyHours, boolean openNow) {
    }

    List<OfferedSale> onOffer(Instant now, Duration ahead, int limit) {
        return jdbc.sql("""
                        SELECT flash_sale_id, sku, price_cents, quantity, per_user_limit, remaining, starts_at,
                               ends_at, happy_hours
                          FROM flash_sale_stats
                         WHERE ended_at IS NULL AND sku IS NOT NULL AND ends_at > :now AND starts_at <= :horizon
                         ORDER BY starts_at > :now, ends_at, flash_sale_id
                         LIMIT :limit""")
                .param("now", Timestamp.from(now))
                .param("horizon", Timestamp.from(now.plus(ahead)))
                .param("limit", limit)
                .query((rs, row) -> {
                    Instant startsAt = rs.getTimestamp("starts_at").toInstant();
                    Instant endsAt = rs.getTimestamp("ends_at").toInstant();
                    String hours = rs.getString("happy_hours");
                    HappyHours happyHours = hours == null ? null : JSON.readValue(hours, HappyHours.class);
                    FlashSaleStatus status = FlashSaleStatus.of(startsAt, endsAt, false, now);
                    return new OfferedSale(rs.getString("flash_sale_id"), rs.getString("sku"),
                            rs.getLong("price_cents"), rs.getInt("quantity"), rs.getInt("per_user_limit"),
                            rs.getInt("remaining"), startsAt, endsAt, status, happyHours,
                            status == FlashSaleStatus.ACTIVE && (happyHours == null || happyHours.isOpenAt(now)));
                })
                .list();
    }
}
