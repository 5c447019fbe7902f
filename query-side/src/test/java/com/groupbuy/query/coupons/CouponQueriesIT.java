package com.groupbuy.query.coupons;

import com.groupbuy.query.QuerySideTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /me/coupons and /analytics/coupon-campaigns/{id} over real HTTP on the coupons read model. */
class CouponQueriesIT extends QuerySideTestSupport {

    private static final Instant NOON = Instant.parse("2026-03-01T12:00:00Z");

    private final String ann = unique("ann");
    private final String campaignId = unique("campaign");

    @Test
    void my_coupons_can_be_filtered_by_status() throws Exception {
        String available = coupon(ann, "AVAILABLE", null, NOON);
        String redeemed = coupon(ann, "REDEEMED", "order-1", NOON.plusSeconds(60));
        coupon(unique("bob"), "AVAILABLE", null, NOON);
        String annToken = token(ann, "customer");

        JsonNode all = get("/api/v1/me/coupons", annToken).body();
        JsonNode usable = get("/api/v1/me/coupons?status=AVAILABLE", annToken).body();

        assertThat(texts(all.get("items"), "couponId")).containsExactly(redeemed, available);
        assertThat(texts(usable.get("items"), "couponId")).containsExactly(available);
        JsonNode terms = usable.get("items").get(0).get("terms");
        assertThat(terms.get("type").asString()).isEqualTo("PERCENT_OFF");
        assertThat(terms.get("percentOff").asInt()).isEqualTo(10);
        assertThat(terms.get("validUntil").asString()).isEqualTo("2027-01-01T00:00:00Z");
        assertThat(all.get("items").get(0).get("orderId").asString()).isEqualTo("order-1");
    }

    @Test
    void an_unknown_coupon_status_is_400_validation_failed() throws Exception {
        assertProblem(get("/api/v1/me/coupons?status=LOST", token(ann, "customer")), 400, "VALIDATION_FAILED");
    }

    @Test
    void an_available_coupon_past_its_validity_shows_as_expired_and_filters_as_such() throws Exception {
        Instant now = Instant.now();
        String lapsed = coupon(ann, "AVAILABLE", null, NOON, now.minusSeconds(60));
        String valid = coupon(ann, "AVAILABLE", null, NOON.plusSeconds(10), now.plusSeconds(3600));
        String usedThenLapsed = coupon(ann, "REDEEMED", "order-2", NOON.plusSeconds(20), now.minusSeconds(60));
        String annToken = token(ann, "customer");

        JsonNode all = get("/api/v1/me/coupons", annToken).body();
        JsonNode expired = get("/api/v1/me/coupons?status=EXPIRED", annToken).body();
        JsonNode usable = get("/api/v1/me/coupons?status=AVAILABLE", annToken).body();

        assertThat(texts(all.get("items"), "couponId")).containsExactly(usedThenLapsed, valid, lapsed);
        assertThat(texts(all.get("items"), "status")).containsExactly("REDEEMED", "AVAILABLE", "EXPIRED");
        assertThat(texts(expired.get("items"), "couponId")).containsExactly(lapsed);
        assertThat(texts(usable.get("items"), "couponId")).containsExactly(valid);
    }

    @Test
    void customers_find_the_campaigns_they_can_claim_with_what_they_hold_of_each() throws Exception {
        Instant now = Instant.now();
        String open = campaign(now.minusSeconds(60), now.plusSeconds(3600), 10, 3, null);
        String stopped = campaign(now.minusSeconds(60), now.plusSeconds(3600), 10, 3, now.minusSeconds(5));
        String claimedOut = campaign(now.minusSeconds(60), now.plusSeconds(3600), 10, 10, null);
        String notYet = campaign(now.plusSeconds(600), now.plusSeconds(3600), 10, 0, null);
        String over = campaign(now.minusSeconds(3600), now.minusSeconds(60), 10, 0, null);
        String held = unique("coupon");
        readModel.sql("""
                        INSERT INTO coupon (coupon_id, campaign_id, user_id, status, type, amount_off_cents,
                                            valid_from, valid_until, issued_at, updated_at, last_sequence,
                                            last_event_at)
                        VALUES (:id, :campaign, :user, 'AVAILABLE', 'AMOUNT_OFF', 100, :at, :at, :at, now(), 0,
                                :at)""")
                .param("id", held).param("campaign", open).param("user", ann)
                .param("at", Timestamp.from(now)).update();

        JsonNode items = get("/api/v1/coupon-campaigns?limit=200", token(ann, "customer")).body().get("items");

        assertThat(texts(items, "campaignId")).contains(open).doesNotContain(stopped, claimedOut, notYet, over);
        JsonNode listed = items.get(texts(items, "campaignId").indexOf(open));
        assertThat(listed.get("remaining").asInt()).isEqualTo(7);
        assertThat(listed.get("claimedByYou").asInt()).isEqualTo(1);
        assertThat(listed.get("terms").get("amountOffCents").asLong()).isEqualTo(100);
        assertThat(listed.get("terms").get("validDaysAfterClaim").isNull()).isTrue();

        readModel.sql("UPDATE coupon_campaign SET valid_days_after_claim = 7 WHERE campaign_id = ?").param(open)
                .update();
        JsonNode again = get("/api/v1/coupon-campaigns?limit=200", token(ann, "customer")).body().get("items");
        assertThat(again.get(texts(again, "campaignId").indexOf(open)).get("terms").get("validDaysAfterClaim")
                .asInt()).as("each coupon valid 7 days from its claim").isEqualTo(7);
    }

    private String campaign(Instant from, Instant until, int total, int claimed, Instant stoppedAt) {
        String id = unique("listed-campaign");
        readModel.sql("""
                        INSERT INTO coupon_campaign (campaign_id, type, amount_off_cents, min_spend_cents, valid_from,
                                                     valid_until, total_quantity, per_user_limit, claimed,
                                                     stopped_at, created_at, updated_at, last_sequence,
                                                     last_event_at)
                        VALUES (:id, 'AMOUNT_OFF', 100, 0, :from, :until, :total, 1, :claimed, :stopped, now(),
                                now(), 1, now())""")
                .param("id", id).param("from", Timestamp.from(from)).param("until", Timestamp.from(until))
                .param("total", total).param("claimed", claimed)
                .param("stopped", stoppedAt == null ? null : Timestamp.from(stoppedAt), Types.TIMESTAMP)
                .update();
        return id;
    }

    @Test
    void an_analyst_reads_a_campaigns_counts() throws Exception {
        readModel.sql("""
                        INSERT INTO coupon_campaign (campaign_id, type, percent_off, max_discount_cents,
                                                     min_spend_cents, valid_from, valid_until, total_quantity,
                                                     per_user_limit, claimed, redeemed, restored,
                                                     discount_given_cents, created_at, updated_at, last_sequence,
                                                     last_event_at)
                        VALUES (:id, 'PERCENT_OFF', 10, 300, 1000, :from, :until, 100, 1, 3, 2, 1, 250, :at,
                                now(), 3, :at)""")
                .param("id", campaignId)
                .param("from", Timestamp.from(NOON))
                .param("until", Timestamp.from(NOON.plusSeconds(86_400)))
                .param("at", Timestamp.from(NOON))
                .update();

        Answer answer = get("/api/v1/analytics/coupon-campaigns/" + campaignId, token("analyst-1", "analyst"));

        assertThat(answer.status()).isEqualTo(200);
        JsonNode stats = answer.body();
        assertThat(stats.get("claimed").asInt()).isEqualTo(3);
        assertThat(stats.get("redeemed").asInt()).isEqualTo(2);
        assertThat(stats.get("restored").asInt()).isEqualTo(1);
        assertThat(stats.get("redeemedNet").asInt()).isEqualTo(1);
        assertThat(stats.get("discountGivenCents").asLong()).isEqualTo(250);
        assertThat(stats.get("totalQuantity").asInt()).isEqualTo(100);
        assertThat(stats.get("remaining").asInt()).isEqualTo(97);
    }

    @Test
    void campaign_analytics_are_for_analysts_only_and_unknown_campaigns_are_404() throws Exception {
        assertProblem(get("/api/v1/analytics/coupon-campaigns/" + campaignId, token(ann, "customer")),
                403, "FORBIDDEN");
        assertProblem(get("/api/v1/analytics/coupon-campaigns/" + campaignId, token("analyst-1", "analyst")),
                404, "NOT_FOUND");
    }

    private String coupon(String userId, String status, String orderId, Instant issuedAt) {
        return coupon(userId, status, orderId, issuedAt, Instant.parse("2027-01-01T00:00:00Z"));
    }

    private String coupon(String userId, String status, String orderId, Instant issuedAt, Instant validUntil) {
        String couponId = unique("coupon");
        readModel.sql("""
                        INSERT INTO coupon (coupon_id, campaign_id, user_id, status, order_id, discount_cents, type,
                                            percent_off, max_discount_cents, min_spend_cents, valid_from,
                                            valid_until, issued_at, updated_at, last_sequence, last_event_at)
                        VALUES (:couponId, :campaignId, :userId, :status, :orderId, :discount, 'PERCENT_OFF', 10,
                                300, 1000, :from, :until, :at, now(), 0, :at)""")
                .param("couponId", couponId)
                .param("campaignId", campaignId)
                .param("userId", userId)
                .param("status", status)
                .param("orderId", orderId)
                .param("discount", orderId == null ? null : 150L)
                .param("from", Timestamp.from(Instant.parse("2026-01-01T00:00:00Z")))
                .param("until", Timestamp.from(validUntil))
                .param("at", Timestamp.from(issuedAt))
                .update();
        return couponId;
    }
}
