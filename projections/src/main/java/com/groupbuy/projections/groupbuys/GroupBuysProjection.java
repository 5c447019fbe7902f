package com.groupbuy.projections.groupbuys;

import com.groupbuy.events.AggregateType;
import com.groupbuy.events.DomainEvent;
import com.groupbuy.events.EventRecord;
import com.groupbuy.events.groupbuy.GroupBuyCancelled;
import com.groupbuy.events.groupbuy.GroupBuyCreated;
import com.groupbuy.events.groupbuy.GroupBuyPaused;
import com.groupbuy.events.groupbuy.GroupBuyResumed;
import com.groupbuy.events.groupbuy.GroupCompleted;
import com.groupbuy.events.groupbuy.GroupEvent;
import com.groupbuy.events.groupbuy.GroupFailed;
import com.groupbuy.events.groupbuy.GroupMemberJoined;
import com.groupbuy.events.groupbuy.GroupMemberLeft;
import com.groupbuy.events.groupbuy.GroupMemberPaid;
import com.groupbuy.events.groupbuy.GroupOpened;
import com.groupbuy.projections.consumer.Projection;
import com.groupbuy.projections.maintenance.PostgresReadModel;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.util.List;
import java.util.Set;

/**
 * Group-buy deals and their groups in PostgreSQL, for the analysts' view of a deal (groups opened, completed,
 * failed, members). Every statement moves a row only when the event is newer than the row's {@code last_sequence},
 * so a redelivered event changes nothing.
 */
@Component
class GroupBuysProjection implements Projection, PostgresReadModel {

    private final JdbcClient jdbc;

    GroupBuysProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "group-buys";
    }

    @Override
    public Set<AggregateType> sources() {
        return Set.of(AggregateType.GROUP_BUY, AggregateType.GROUP);
    }

    @Override
    public List<String> tables() {
        return List.of("group_buy", "group_buy_group");
    }

    @Override
    public void apply(EventRecord record, DomainEvent event) {
        switch (event) {
            case GroupBuyCreated created -> createDeal(record, created);
            case GroupBuyPaused paused -> dealStatus(record, paused.groupBuyId(), "PAUSED");
            case GroupBuyResumed resumed -> dealStatus(record, resumed.groupBuyId(), "ACTIVE");
            case GroupBuyCancelled cancelled -> dealStatus(record, cancelled.groupBuyId(), "CANCELLED");
            case GroupOpened opened -> openGroup(record, opened);
            case GroupEvent groupEvent -> advance(record, groupEvent);
            default -> {
            }
        }
    }

    private void createDeal(EventRecord record, GroupBuyCreated event) {
        jdbc.sql("""
                        INSERT INTO group_buy (group_buy_id, sku, category, group_price_cents, group_size,
                                               window_seconds, starts_at, ends_at, happy_hours, allowed_options,
                                               last_sequence, last_event_at)
                        VALUES (:id, :sku, :category, :price, :size, :window, :startsAt, :endsAt, :happyHours,
                                :allowedOptions, :sequence, :at)
                        ON CONFLICT (group_buy_id) DO NOTHING""")
                .param("id", event.groupBuyId())
                .param("happyHours", event.happyHours() == null ? null
                        : record.payload().path("happyHours").toString())
                .param("allowedOptions", event.allowedOptions() == null || event.allowedOptions().isEmpty() ? null
                        : record.payload().path("allowedOptions").toString())
                .param("sku", event.sku())
                .param("category", event.category())
                .param("price", event.groupPriceCents())
                .param("size", event.groupSize())
                .param("window", event.windowSeconds())
                .param("startsAt", Timestamp.from(event.startsAt()))
                .param("endsAt", Timestamp.from(event.endsAt()))
                .param("sequence", record.sequence())
                .param("at", Timestamp.from(record.occurredAt()))
                .update();
    }

    private void dealStatus(EventRecord record, String groupBuyId, String status) {
        jdbc.sql("""
                        UPDATE group_buy
                           SET status = :status,
                               cancelled_at = CASE WHEN :status = 'CANCELLED' THEN :at ELSE cancelled_at END,
                               last_sequence = :sequence, last_event_at = :at
                         WHERE group_buy_id = :id AND last_sequence < :sequence""")
                .param("status", status)
                .param("at", Timestamp.from(record.occurredAt()))
                .param("sequence", record.sequence())
                .param("id", groupBuyId)
                .update();
    }

    private void openGroup(EventRecord record, GroupOpened event) {
        jdbc.sql("""
                        INSERT INTO group_buy_group (group_id, group_buy_id, group_size, status, opened_by, opened_at,
                                                     expires_at, last_sequence, last_event_at)
                        VALUES (:id, :deal, :size, 'OPEN', :openedBy, :openedAt, :expiresAt, :sequence, :at)
                        ON CONFLICT (group_id) DO NOTHING""")
                .param("id", event.groupId())
                .param("deal", event.groupBuyId())
                .param("size", event.groupSize())
                .param("openedBy", event.openedBy())
                .param("openedAt", Timestamp.from(event.openedAt()))
                .param("expiresAt", Timestamp.from(event.expiresAt()))
                .param("sequence", record.sequence())
                .param("at", Timestamp.from(record.occurredAt()))
                .update();
    }

    /** Moves the group's row by one event, if the row is behind it. */
    private void advance(EventRecord record, GroupEvent event) {
        GroupChange change = GroupChange.of(event);
        jdbc.sql("""
                        UPDATE group_buy_group
                           SET members = COALESCE(CAST(:members AS INTEGER), members),
                               joins = joins + :joins,
                               paid_members = COALESCE(CAST(:paid AS INTEGER), paid_members),
                               status = COALESCE(CAST(:status AS VARCHAR), status),
                               ended_at = CASE WHEN CAST(:status AS VARCHAR) IS NULL THEN ended_at ELSE :at END,
                               last_sequence = :sequence,
                               last_event_at = :at
                         WHERE group_id = :id AND last_sequence < :sequence""")
                .param("members", change.members())
                .param("joins", change.joins())
                .param("paid", change.paidMembers())
                .param("status", change.status())
                .param("at", Timestamp.from(record.occurredAt()))
                .param("sequence", record.sequence())
                .param("id", event.groupId())
                .update();
    }

    /** What one group event changes on its row; {@code null} leaves a column as it is. */
    record GroupChange(Integer members, int joins, Integer paidMembers, String status) {

        static GroupChange of(GroupEvent event) {
            return switch (event) {
                case GroupMemberJoined joined -> new GroupChange(joined.members(), 1, null, null);
                case GroupMemberLeft left -> new GroupChange(left.members(), 0, null, null);
                case GroupMemberPaid paid -> new GroupChange(null, 0, paid.paidMembers(), null);
                case GroupCompleted completed -> new GroupChange(null, 0, null, "COMPLETED");
                case GroupFailed failed -> new GroupChange(null, 0, null, "FAILED");
                case GroupOpened opened -> new GroupChange(null, 0, null, null);
            };
        }
    }
}
