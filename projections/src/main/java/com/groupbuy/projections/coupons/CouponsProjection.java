package com.groupbuy.projections.coupons;

import com.groupbuy.events.AggregateType;
import com.groupbuy.events.DomainEvent;
import com.groupbuy.events.EventRecord;
import com.groupbuy.events.coupon.CouponCampaignCreated;
import com.groupbuy.events.coupon.CouponCampaignStopped;
import com.groupbuy.events.coupon.CouponClaimed;
import com.groupbuy.events.coupon.CouponEvent;
import com.groupbuy.events.coupon.CouponIssued;
import com.groupbuy.events.coupon.CouponRedeemed;
import com.groupbuy.events.coupon.CouponRestored;
import com.groupbuy.events.coupon.CouponTerms;
import com.groupbuy.projections.consumer.Projection;
import com.groupbuy.projections.maintenance.PostgresReadModel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;

import java.util.List;
import java.util.Set;

/**
 * Coupons by owner and the analytics of their campaigns, in PostgreSQL. A coupon event first advances the coupon
 * row's {@code last_sequence}; only when it did are the campaign's redeemed/restored/discount counters moved, in
 * the same transaction, so each coupon event counts once however often it arrives. Campaign events are guarded
 * by the campaign row's own {@code last_sequence}.
 */
@Component
class CouponsProjection implements Projection, PostgresReadModel {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    CouponsProjection(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Override
    public String name() {
        return "coupons";
    }

    @Override
    public Set<AggregateType> sources() {
        return Set.of(AggregateType.COUPON_CAMPAIGN, AggregateType.COUPON);
    }

    @Override
    public List<String> tables() {
        return List.of("coupon", "coupon_campaign");
    }

    @Override
    public void apply(EventRecord record, DomainEvent event) {
        switch (event) {
            case CouponCampaignCreated created -> createCampaign(record, created);
            case CouponClaimed claimed -> campaignChanged(record, claimed.campaignId(), claimed.claimedInAll(), false);
            case CouponCampaignStopped stopped ->
                    campaignChanged(record, stopped.campaignId(), stopped.claimedInAll(), true);
            case CouponEvent couponEvent -> transactions.executeWithoutResult(status -> applyOnce(record, couponEvent));
            default -> {
            }
        }
    }

    private void applyOnce(EventRecord record, CouponEvent event) {
        switch (event) {
            case CouponIssued issued -> {
                if (advance(record, issued.couponId(), issued.campaignId(), issued.userId(), CouponStatus.AVAILABLE,
                        null, null)) {
                    describe(issued);
                }
            }
            case CouponRedeemed redeemed -> {
                if (advance(record, redeemed.couponId(), redeemed.campaignId(), redeemed.userId(),
                        CouponStatus.REDEEMED, redeemed.orderId(), redeemed.discountCents())) {
                    count(redeemed.campaignId(), 1, 0, redeemed.discountCents());
                }
            }
            case CouponRestored restored -> {
                if (advance(record, restored.couponId(), restored.campaignId(), restored.userId(),
                        CouponStatus.AVAILABLE, null, null)) {
                    count(restored.campaignId(), 0, 1, -restored.discountCents());
                }
            }
        }
    }

    /** Creates or moves the coupon row to this event; false when the row is already at or past it. */
    private boolean advance(EventRecord record, String couponId, String campaignId, String userId,
                            CouponStatus status, String orderId, Long discountCents) {
        return jdbc.sql("""
                        INSERT INTO coupon (coupon_id, campaign_id, user_id, status, order_id, discount_cents,
                                            issued_at, updated_at, last_sequence, last_event_at)
                        VALUES (:couponId, :campaignId, :userId, :status, :orderId, :discount,
                                :at, now(), :sequence, :at)
                        ON CONFLICT (coupon_id) DO UPDATE
                           SET status = EXCLUDED.status,
                               order_id = EXCLUDED.order_id,
                               discount_cents = EXCLUDED.discount_cents,
                               updated_at = EXCLUDED.updated_at,
                               last_sequence = EXCLUDED.last_sequence,
                               last_event_at = EXCLUDED.last_event_at
                         WHERE coupon.last_sequence < EXCLUDED.last_sequence""")
                .param("couponId", couponId)
                .param("campaignId", campaignId)
                .param("userId", userId)
                .param("status", status.name())
                .param("orderId", orderId)
                .param("discount", discountCents)
                .param("at", timestamp(record.occurredAt()))
                .param("sequence", record.sequence())
                .update() == 1;
    }

    private void describe(CouponIssued event) {
        CouponTerms terms = event.terms();
        jdbc.sql("""
                        UPDATE coupon
                           SET type = :type, amount_off_cents = :amountOff,
                               percent_off = :percentOff, max_discount_cents = :maxDiscount,
                               min_spend_cents = :minSpend, valid_from = :validFrom, valid_until = :validUntil
                         WHERE coupon_id = :couponId""")
                .params(TermsColumns.of(terms))
                .param("couponId", event.couponId())
                .update();
    }

    private void count(String campaignId, int redeemed, int restored, long discountCents) {
        jdbc.sql("""
                        INSERT INTO coupon_campaign (campaign_id, redeemed, restored, discount_given_cents, updated_at,
                                                     last_sequence)
                        VALUES (:campaignId, :redeemed, :restored, :discount, now(), -1)
                        ON CONFLICT (campaign_id) DO UPDATE
                           SET redeemed = coupon_campaign.redeemed + EXCLUDED.redeemed,
                               restored = coupon_campaign.restored + EXCLUDED.restored,
                               discount_given_cents = coupon_campaign.discount_given_cents
                                                      + EXCLUDED.discount_given_cents,
                               updated_at = EXCLUDED.updated_at""")
                .param("campaignId", campaignId)
                .param("redeemed", redeemed)
                .param("restored", restored)
                .param("discount", discountCents)
                .update();
    }

    private void createCampaign(EventRecord record, CouponCampaignCreated event) {
        jdbc.sql("""
                        INSERT INTO coupon_campaign (campaign_id, type, amount_off_cents, percent_off,
                                                     max_discount_cents, min_spend_cents, valid_from, valid_until,
                                                     valid_days_after_claim, total_quantity, per_user_limit,
                                                     created_at, updated_at, last_sequence, last_event_at)
                        VALUES (:campaignId, :type, :amountOff, :percentOff, :maxDiscount, :minSpend, :validFrom,
                                :validUntil, CAST(:validDaysAfterClaim AS INTEGER), :totalQuantity, :perUserLimit,
                                :at, now(), :sequence, :at)
                        ON CONFLICT (campaign_id) DO UPDATE
                           SET type = EXCLUDED.type,
                               amount_off_cents = EXCLUDED.amount_off_cents,
                               percent_off = EXCLUDED.percent_off,
                               max_discount_cents = EXCLUDED.max_discount_cents,
                               min_spend_cents = EXCLUDED.min_spend_cents,
                               valid_from = EXCLUDED.valid_from,
                               valid_until = EXCLUDED.valid_until,
                               valid_days_after_claim = EXCLUDED.valid_days_after_claim,
                               total_quantity = EXCLUDED.total_quantity,
                               per_user_limit = EXCLUDED.per_user_limit,
                               created_at = EXCLUDED.created_at,
                               updated_at = EXCLUDED.updated_at,
                               last_sequence = EXCLUDED.last_sequence,
                               last_event_at = EXCLUDED.last_event_at
                         WHERE coupon_campaign.last_sequence < EXCLUDED.last_sequence""")
                .params(TermsColumns.of(event.terms()))
                .param("campaignId", event.campaignId())
                .param("totalQuantity", event.totalQuantity())
                .param("perUserLimit", event.perUserLimit())
                .param("at", timestamp(record.occurredAt()))
                .param("sequence", record.sequence())
                .update();
    }

    /** {@code claimedInAll} is the campaign's running total, so the count is set, not added to. */
    /** A claim counted, or the campaign stopped (then {@code stopped}); its terms may not be known yet. */
    private void campaignChanged(EventRecord record, String campaignId, int claimedInAll, boolean stopped) {
        jdbc.sql("""
                        INSERT INTO coupon_campaign (campaign_id, claimed, stopped_at, updated_at, last_sequence,
                                                     last_event_at)
                        VALUES (:campaignId, :claimed, :stoppedAt, now(), :sequence, :at)
                        ON CONFLICT (campaign_id) DO UPDATE
                           SET claimed = GREATEST(coupon_campaign.claimed, EXCLUDED.claimed),
                               stopped_at = COALESCE(EXCLUDED.stopped_at, coupon_campaign.stopped_at),
                               updated_at = EXCLUDED.updated_at,
                               last_sequence = EXCLUDED.last_sequence,
                               last_event_at = EXCLUDED.last_event_at
                         WHERE coupon_campaign.last_sequence < EXCLUDED.last_sequence""")
                .param("campaignId", campaignId)
                .param("claimed", claimedInAll)
                .param("stoppedAt", stopped ? timestamp(record.occurredAt()) : null, Types.TIMESTAMP)
                .param("at", timestamp(record.occurredAt()))
                .param("sequence", record.sequence())
                .update();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
