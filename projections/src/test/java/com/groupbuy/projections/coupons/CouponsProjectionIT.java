package com.groupbuy.projections.coupons;

import com.groupbuy.events.coupon.CouponCampaignCreated;
import com.groupbuy.events.coupon.CouponClaimed;
import com.groupbuy.events.coupon.CouponIssued;
import com.groupbuy.events.coupon.CouponRedeemed;
import com.groupbuy.events.coupon.CouponRestored;
import com.groupbuy.events.coupon.CouponTerms;
import com.groupbuy.events.coupon.CouponType;
import com.groupbuy.projections.ProjectionsTestSupport;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Coupons by owner and campaign analytics, fed through the real broker into real PostgreSQL. */
class CouponsProjectionIT extends ProjectionsTestSupport {

    private static final CouponTerms TEN_PERCENT = new CouponTerms(CouponType.PERCENT_OFF, 0, 10, 300, 1000,
            Set.of(), Set.of("tea"), Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"));

    private final String campaignId = unique("campaign");
    private final String ann = unique("ann");
    private final String bob = unique("bob");
    private final String cid = unique("cid");

    @Test
    void a_campaign_counts_claims_redemptions_and_restorations_once_each() {
        publish(0, new CouponCampaignCreated(campaignId, TEN_PERCENT, 100, 1));
        claim(1, "k1", ann);
        claim(2, "k2", bob);
        claim(3, "k3", cid);
        publish(1, new CouponRedeemed(coupon("k1"), campaignId, ann, "order-1", 250));
        publish(1, new CouponRedeemed(coupon("k2"), campaignId, bob, "order-2", 300));
        publish(2, new CouponRestored(coupon("k2"), campaignId, bob, "order-2", 300));
        // redeliveries, in order and late
        publish(2, new CouponClaimed(campaignId, coupon("k2"), bob, 2));
        publish(0, new CouponIssued(coupon("k3"), campaignId, cid, TEN_PERCENT));
        publish(1, new CouponRedeemed(coupon("k1"), campaignId, ann, "order-1", 250));
        publish(1, new CouponRedeemed(coupon("k2"), campaignId, bob, "order-2", 300));
        publish(2, new CouponRestored(coupon("k2"), campaignId, bob, "order-2", 300));
        publish(0, new CouponCampaignCreated(campaignId, TEN_PERCENT, 100, 1));
        awaitConsumedBy("coupons");

        assertThat(campaign()).containsEntry("claimed", 3).containsEntry("redeemed", 2)
                .containsEntry("restored", 1).containsEntry("discount_given_cents", 250L)
                .containsEntry("total_quantity", 100).containsEntry("per_user_limit", 1)
                .containsEntry("type", "PERCENT_OFF").containsEntry("last_sequence", 3L);
        assertThat(couponRow(coupon("k1"))).containsEntry("user_id", ann).containsEntry("status", "REDEEMED")
                .containsEntry("order_id", "order-1").containsEntry("discount_cents", 250L);
        assertThat(couponRow(coupon("k2"))).containsEntry("status", "AVAILABLE").containsEntry("order_id", null)
                .containsEntry("last_sequence", 2L);
        assertThat(couponRow(coupon("k3"))).containsEntry("status", "AVAILABLE").containsEntry("percent_off", 10)
                .containsEntry("max_discount_cents", 300L).containsEntry("min_spend_cents", 1000L);
        assertThat(couponRow(coupon("k3")).get("valid_until")).isNotNull();
    }

    @Test
    void a_redemption_seen_before_its_campaign_still_counts() {
        publish(0, new CouponIssued(coupon("k1"), campaignId, ann, TEN_PERCENT));
        publish(1, new CouponRedeemed(coupon("k1"), campaignId, ann, "order-1", 120));
        awaitConsumedBy("coupons");
        publish(0, new CouponCampaignCreated(campaignId, TEN_PERCENT, 50, 2));
        publish(1, new CouponClaimed(campaignId, coupon("k1"), ann, 1));

        eventually(() -> assertThat(campaign()).containsEntry("claimed", 1).containsEntry("redeemed", 1)
                .containsEntry("discount_given_cents", 120L).containsEntry("total_quantity", 50));
    }

    private void claim(long campaignSequence, String coupon, String userId) {
        publish(campaignSequence, new CouponClaimed(campaignId, coupon(coupon), userId, (int) campaignSequence));
        publish(0, new CouponIssued(coupon(coupon), campaignId, userId, TEN_PERCENT));
    }

    private String coupon(String name) {
        return campaignId + "-" + name;
    }

    private Map<String, Object> campaign() {
        return row("SELECT * FROM coupon_campaign WHERE campaign_id = ?", campaignId);
    }

    private Map<String, Object> couponRow(String couponId) {
        return row("SELECT * FROM coupon WHERE coupon_id = ?", couponId);
    }
}
