package com.groupbuy.query.coupons;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static com.groupbuy.query.web.Rows.instant;
import static com.groupbuy.query.web.Rows.nullableInt;
import static com.groupbuy.query.web.Rows.nullableLong;

/** The coupons read model in PostgreSQL (written by the coupons projection; see docs/read-models.md). */
@Component
class Coupons {

    private final JdbcClient jdbc;

    Coupons(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The user's coupons, newest first; an available one past its {@code validUntil} at {@code now} is EXPIRED. */
    List<CouponView> ofUser(String userId, CouponStatus status, int page, int size, Instant now) {
        return jdbc.sql("""
                        SELECT * FROM (SELECT c.*, CASE WHEN c.status = 'AVAILABLE' AND c.valid_until <= :now
                                                        THEN 'EXPIRED' ELSE c.status END AS shown_status
                                         FROM coupon c
                                        WHERE c.user_id = :userId) mine
                         WHERE CAST(:status AS VARCHAR) IS NULL OR shown_status = :status
                         ORDER BY issued_at DESC, coupon_id
                         LIMIT :size OFFSET :offset""")
                .param("userId", userId)
                .param("status", status == null ? null : status.name())
                .param("now", Timestamp.from(now))
                .param("size", size)
                .param("offset", (long) page * size)
                .query((rs, row) -> new CouponView(rs.getString("coupon_id"), rs.getString("campaign_id"),
                        rs.getString("shown_status"), CouponTermsView.of(rs), rs.getString("order_id"),
                        nullableLong(rs, "discount_cents"), instant(rs, "issued_at"), instant(rs, "last_event_at")))
                .list();
    }

    Optional<CampaignStats> campaign(String campaignId) {
        return jdbc.sql("SELECT * FROM coupon_campaign WHERE campaign_id = ?")
                .param(campaignId)
                .query((rs, row) -> {
                    Integer total = nullableInt(rs, "total_quantity");
                    int claimed = rs.getInt("claimed");
                    int redeemed = rs.getInt("redeemed");
                    int restored = rs.getInt("restored");
                    return new CampaignStats(rs.getString("campaign_id"), CouponTermsView.ofCampaign(rs), total,
                            nullableInt(rs, "per_user_limit"), claimed,
                            total == null ? null : Math.max(0, total - claimed), redeemed, restored,
                            redeemed - restored, rs.getLong("discount_given_cents"), instant(rs, "created_at"),
                            instant(rs, "updated_at"), instant(rs, "stopped_at"));
                })
                .optional();
    }

    /** A campaign a customer can claim from now, and how many of its coupons the customer holds already. */
    record ClaimableCampaign(String campaignId, CouponTermsView terms, int perUserLimit, int remaining,
                             int claimedByYou) {
    }

    /**
     * The campaigns claimable at {@code now} (in their validity, not stopped, coupons left), ending soonest first,
     * with what {@code userId} claimed of each.
     */
    List<ClaimableCampaign> claimable(String userId, Instant now, int limit) {
        return jdbc.sql("""
                        SELECT c.*, (SELECT COUNT(*) FROM coupon mine
                                      WHERE mine.user_id = :userId AND mine.campaign_id = c.campaign_id) AS yours
                          FROM coupon_campaign c
                         WHERE c.type IS NOT NULL AND c.stopped_at IS NULL
                           AND c.valid_from <= :now AND c.valid_until > :now AND c.claimed < c.total_quantity
                         ORDER BY c.valid_until, c.campaign_id
                         LIMIT :limit""")
                .param("userId", userId)
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query((rs, row) -> new ClaimableCampaign(rs.getString("campaign_id"),
                        CouponTermsView.ofCampaign(rs),
                        rs.getInt("per_user_limit"), rs.getInt("total_quantity") - rs.getInt("claimed"),
                        rs.getInt("yours")))
                .list();
    }
}
