package com.groupbuy.command.groupbuy.model;

import com.groupbuy.command.domain.BusinessRuleViolation;
import com.groupbuy.contract.ErrorCode;
import com.groupbuy.events.groupbuy.GroupCompleted;
import com.groupbuy.events.groupbuy.GroupFailed;
import com.groupbuy.events.groupbuy.GroupMemberJoined;
import com.groupbuy.events.groupbuy.GroupMemberLeft;
import com.groupbuy.events.groupbuy.GroupMemberPaid;
import com.groupbuy.events.groupbuy.GroupOpened;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One group of a group-buy deal. Customers join it, one place each, up to its size; it completes when that many
 * members have paid, and fails when its window closes first (a durable deadline) or its deal is cancelled. A member
 * whose order ends unpaid frees the place.
 */
@Aggregate(repository = "groupRepository")
public class Group {

    static final String GROUP_WINDOW = "group-window";

    @AggregateIdentifier
    private String groupId;
    private String groupBuyId;
    private String sku;
    private long groupPriceCents;
    private int groupSize;
    private Instant expiresAt;
    private GroupStatus status;
    private final Members members = new Members();

    protected Group() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    MemberOrder handle(OpenGroup command, DeadlineManager deadlines, Clock clock) {
        if (status != null) {
            return repeatedJoin(command.userId(), command.orderId());
        }
        GroupTerms terms = command.terms();
        Instant now = clock.instant();
        Instant closes = now.plus(terms.window());
        apply(new GroupOpened(command.groupId(), terms.groupBuyId(), terms.sku(), terms.groupPriceCents(),
                terms.groupSize(), command.userId(), now, closes));
        apply(new GroupMemberJoined(command.groupId(), terms.groupBuyId(), command.userId(), command.orderId(), 1));
        deadlines.schedule(closes, GROUP_WINDOW);
        return memberOrder(command.orderId());
    }

    @CommandHandler
    MemberOrder handle(JoinGroup command, Clock clock) {
        if (!groupBuyId.equals(command.groupBuyId())) {
            throw new BusinessRuleViolation(ErrorCode.NOT_FOUND, "no group " + groupId + " in deal "
                    + command.groupBuyId());
        }
        if (members.orderOf(command.userId()).isPresent()) {
            return repeatedJoin(command.userId(), command.orderId());
        }
        requireOpenAt(clock.instant());
        members.requireRoomFor(command.userId(), groupSize);
        apply(new GroupMemberJoined(groupId, groupBuyId, command.userId(), command.orderId(), members.count() + 1));
        return memberOrder(command.orderId());
    }

    @CommandHandler
    void handle(AdmitMemberOrder command, Clock clock) {
        requireOpenAt(clock.instant());
        if (members.byOrder(command.orderId()).isEmpty()) {
            throw new BusinessRuleViolation(ErrorCode.GROUP_CLOSED, "the order is no longer a member of the group");
        }
    }

    /** A payment counts while the group is open and within its window; a later one is refunded when it fails. */
    @CommandHandler
    GroupStatus handle(RecordMemberPayment command, Clock clock) {
        members.byOrder(command.orderId())
                .filter(member -> status == GroupStatus.OPEN && clock.instant().isBefore(expiresAt) && !member.paid())
                .ifPresent(member -> {
                    int paid = members.paid() + 1;
                    apply(new GroupMemberPaid(groupId, groupBuyId, member.userId(), command.orderId(), paid));
                    if (paid == groupSize) {
                        apply(new GroupCompleted(groupId, groupBuyId, members.orders()));
                    }
                });
        return status;
    }

    @CommandHandler
    void handle(RemoveMember command) {
        members.byOrder(command.orderId())
                .filter(member -> status == GroupStatus.OPEN && !member.paid())
                .ifPresent(member -> apply(new GroupMemberLeft(groupId, groupBuyId, member.userId(),
                        command.orderId(), members.count() - 1, command.reason())));
    }

    @DeadlineHandler(deadlineName = GROUP_WINDOW)
    void onWindowClosed() {
        fail();
    }

    @CommandHandler
    void handle(FailGroup command) {
        fail();
    }

    private void fail() {
        if (status == GroupStatus.OPEN) {
            apply(new GroupFailed(groupId, groupBuyId, groupSize, members.orders(true), members.orders(false)));
        }
    }

    /** The same customer joining again with the same order is a repeat; with another order, a second place. */
    private MemberOrder repeatedJoin(String userId, String orderId) {
        if (!members.orderOf(userId).map(orderId::equals).orElse(false)) {
            throw new BusinessRuleViolation(ErrorCode.ALREADY_MEMBER, "you are a member of this group already");
        }
        return memberOrder(orderId);
    }

    private void requireOpenAt(Instant now) {
        if (status != GroupStatus.OPEN || !now.isBefore(expiresAt)) {
            throw new BusinessRuleViolation(ErrorCode.GROUP_CLOSED, "the group is " + (status == GroupStatus.OPEN
                    ? "past its window" : status.name().toLowerCase()));
        }
    }

    private MemberOrder memberOrder(String orderId) {
        return new MemberOrder(groupBuyId, groupId, orderId, sku, groupPriceCents);
    }

    @EventSourcingHandler
    void on(GroupOpened event) {
        groupId = event.groupId();
        groupBuyId = event.groupBuyId();
        sku = event.sku();
        groupPriceCents = event.groupPriceCents();
        groupSize = event.groupSize();
        expiresAt = event.expiresAt();
        status = GroupStatus.OPEN;
    }

    @EventSourcingHandler
    void on(GroupMemberJoined event) {
        members.join(event.orderId(), event.userId());
    }

    @EventSourcingHandler
    void on(GroupMemberPaid event) {
        members.paid(event.orderId());
    }

    @EventSourcingHandler
    void on(GroupMemberLeft event) {
        members.leave(event.orderId());
    }

    @EventSourcingHandler
    void on(GroupCompleted event) {
        status = GroupStatus.COMPLETED;
    }

    @EventSourcingHandler
    void on(GroupFailed event) {
        status = GroupStatus.FAILED;
    }
}
