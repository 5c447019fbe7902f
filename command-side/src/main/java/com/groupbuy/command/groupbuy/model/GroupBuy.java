package com.groupbuy.command.groupbuy.model;

import com.groupbuy.command.domain.BusinessRuleViolation;
import com.groupbuy.contract.ErrorCode;
import com.groupbuy.events.groupbuy.GroupBuyCancelled;
import com.groupbuy.events.groupbuy.GroupBuyCreated;
import com.groupbuy.events.groupbuy.GroupBuyPaused;
import com.groupbuy.events.groupbuy.GroupBuyResumed;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.Clock;
import java.time.Duration;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A group-buy deal: the terms every group opened under it gets, and the window in which groups may open. Created
 * again with the same id (a creation repeated with its Idempotency-Key), it stays as it was. An admin may pause it
 * (no group opens or takes members until it is resumed) or cancel it for good (its open groups then fail).
 */
@Aggregate(repository = "groupBuyRepository")
public class GroupBuy {

    @AggregateIdentifier
    private String groupBuyId;
    private DealTerms terms;
    private DealStatus status;

    protected GroupBuy() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(CreateGroupBuy command, Clock clock) {
        if (groupBuyId != null) {
            return;
        }
        DealTerms terms = DealTerms.of(command, clock.instant());
        apply(new GroupBuyCreated(command.groupBuyId(), terms.sku(), command.product().category(),
                terms.groupPriceCents(), terms.groupSize(), terms.window().toSeconds(), terms.startsAt(),
                terms.endsAt(), terms.happyHours(),
                terms.allowedOptions().isEmpty() ? null : terms.allowedOptions()));
    }

    @CommandHandler
    GroupTerms handle(TermsForNewGroup command) {
        requireTakingMembers();
        terms.requireOpenAt(command.at());
        return new GroupTerms(groupBuyId, terms.sku(), terms.groupPriceCents(), terms.groupSize(), terms.window(),
                terms.allowedOptions());
    }

    @CommandHandler
    MemberChoices handle(RequireDealTakesMembers command) {
        requireTakingMembers();
        return new MemberChoices(terms.sku(), terms.allowedOptions());
    }

    @CommandHandler
    DealStatus handle(PauseGroupBuy command) {
        requireNotCancelled("paused");
        if (status == DealStatus.ACTIVE) {
            apply(new GroupBuyPaused(groupBuyId));
        }
        return status;
    }

    @CommandHandler
    DealStatus handle(ResumeGroupBuy command) {
        requireNotCancelled("resumed");
        if (status == DealStatus.PAUSED) {
            apply(new GroupBuyResumed(groupBuyId));
        }
        return status;
    }

    @CommandHandler
    DealStatus handle(CancelGroupBuy command) {
        if (status != DealStatus.CANCELLED) {
            apply(new GroupBuyCancelled(groupBuyId));
        }
        return status;
    }

    private void requireTakingMembers() {
        switch (status) {
            case PAUSED -> throw new BusinessRuleViolation(ErrorCode.ILLEGAL_STATE,
                    "the deal is paused; try again once it is resumed");
            case CANCELLED -> throw new BusinessRuleViolation(ErrorCode.ENDED, "the deal was cancelled");
            case ACTIVE -> {
            }
        }
    }

    private void requireNotCancelled(String action) {
        if (status == DealStatus.CANCELLED) {
            throw new BusinessRuleViolation(ErrorCode.ILLEGAL_STATE, "a cancelled deal cannot be " + action);
        }
    }

    @EventSourcingHandler
    void on(GroupBuyCreated event) {
        groupBuyId = event.groupBuyId();
        terms = new DealTerms(event.sku(), event.groupPriceCents(), event.groupSize(),
                Duration.ofSeconds(event.windowSeconds()), event.startsAt(), event.endsAt(), event.happyHours(),
                event.allowedOptions());
        status = DealStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(GroupBuyPaused event) {
        status = DealStatus.PAUSED;
    }

    @EventSourcingHandler
    void on(GroupBuyResumed event) {
        status = DealStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(GroupBuyCancelled event) {
        status = DealStatus.CANCELLED;
    }
}
