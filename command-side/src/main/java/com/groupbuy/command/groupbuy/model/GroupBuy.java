package com.groupbuy.command.groupbuy.model;

import com.groupbuy.events.groupbuy.GroupBuyCreated;
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
 * again with the same id (a creation repeated with its Idempotency-Key), it stays as it was.
 */
@Aggregate(repository = "groupBuyRepository")
public class GroupBuy {

    @AggregateIdentifier
    private String groupBuyId;
    private DealTerms terms;

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
                terms.endsAt()));
    }

    @CommandHandler
    GroupTerms handle(TermsForNewGroup command) {
        terms.requireOpenAt(command.at());
        return new GroupTerms(groupBuyId, terms.sku(), terms.groupPriceCents(), terms.groupSize(), terms.window());
    }

    @EventSourcingHandler
    void on(GroupBuyCreated event) {
        groupBuyId = event.groupBuyId();
        terms = new DealTerms(event.sku(), event.groupPriceCents(), event.groupSize(),
                Duration.ofSeconds(event.windowSeconds()), event.startsAt(), event.endsAt());
    }
}
