package com.groupbuy.query.coupons;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

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

    /** The user's coupons, newest first. */
    List<CouponView> ofUser(String userId, CouponStatus status, int page, int size) {
        return jdbc.sql("""
                        SELECT * FROM coupon
                         WHERE user_id = :userId
                           AND (CAST(:status AS VARCHAR) IS NULL OR status = :status)
                         ORDER BY issued_at DESC, coupon_id
                         LIMIT :size OFFSET :offset""")
                .param("userId", userId)
                .param("status", status == null ? null : status.name())
                .param("size", size)
                .param("offset", (long) page * size)
                .query((rs, row) -> new CouponView(rs.getString("coupon_id"), rs.getString("campaign_id"),
                        rs.getString("status"), CouponTermsView.of(rs), rs.getString("order_id"),
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
                    return new CampaignStats(rs.getString("campaign_id"), CouponTermsView.of(rs), total,
                            nullableInt(rs, "per_user_limit"), claimed,
                            total == null ? null : Math.max(0, total - claimed), redeemed, restored,
                            redeemed - restored, rs.getLong("discount_given_cents"), instant(rs, "created_at"),
                            instant(rs, "updated_at"), instant(rs, "stopped_at"));
                })
                .optional();
    }
}
