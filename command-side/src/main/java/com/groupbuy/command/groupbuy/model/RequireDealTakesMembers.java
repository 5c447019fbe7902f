package com.groupbuy.command.groupbuy.model;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Asks the deal whether its groups take members now: refused while it is paused or after it was cancelled. Answers
 * the {@link MemberChoices} a joining member has.
 */
public record RequireDealTakesMembers(@TargetAggregateIdentifier String groupBuyId) {
}
