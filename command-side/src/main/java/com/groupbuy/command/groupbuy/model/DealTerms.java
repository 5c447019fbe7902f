package com.groupbuy.command.groupbuy.model;

import com.groupbuy.command.domain.BusinessRuleViolation;
import com.groupbuy.command.domain.HappyHoursRule;
import com.groupbuy.contract.ErrorCode;

import com.groupbuy.events.groupbuy.HappyHours;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a group-buy deal offers: a group price below list, a group size, how long a group may take, and when: between
 * its start and end, and within its happy hours if it has them (null: any time); the option groups of the product its
 * members may choose from (empty: the standard make only).
 */
record DealTerms(String sku, long groupPriceCents, int groupSize, Duration window, Instant startsAt,
                 Instant endsAt, HappyHours happyHours, List<String> allowedOptions) {

    DealTerms {
        allowedOptions = allowedOptions == null ? List.of() : List.copyOf(allowedOptions);
    }

    static final int MIN_GROUP_SIZE = 2;
    static final int MAX_GROUP_SIZE = 50;

    static DealTerms of(CreateGroupBuy command, Instant now) {
        if (command.groupPriceCents() <= 0) {
            throw invalid("groupPriceCents must be positive");
        }
        if (command.groupPriceCents() >= command.product().listPriceCents()) {
            throw invalid("groupPriceCents must be below the list price of " + command.product().listPriceCents());
        }
        if (command.groupSize() < MIN_GROUP_SIZE || command.groupSize() > MAX_GROUP_SIZE) {
            throw invalid("groupSize must be between " + MIN_GROUP_SIZE + " and " + MAX_GROUP_SIZE);
        }
        if (command.windowSeconds() <= 0) {
            throw invalid("windowSeconds must be positive");
        }
        if (!command.startsAt().isBefore(command.endsAt())) {
            throw invalid("startsAt must be before endsAt");
        }
        if (!command.endsAt().isAfter(now)) {
            throw invalid("the deal would have ended already");
        }
        if (command.happyHours() != null) {
            HappyHoursRule.requireValid(command.happyHours());
        }
        command.product().options().requireGroups(command.allowedOptions(), "allowedOptions");
        return new DealTerms(command.product().sku(), command.groupPriceCents(), command.groupSize(),
                Duration.ofSeconds(command.windowSeconds()), command.startsAt(), command.endsAt(),
                command.happyHours(), command.allowedOptions());
    }

    /** Whether a group may be opened at {@code at}. */
    void requireOpenAt(Instant at) {
        if (at.isBefore(startsAt)) {
            throw new BusinessRuleViolation(ErrorCode.NOT_STARTED, "the deal starts at " + startsAt);
        }
        if (!at.isBefore(endsAt)) {
            throw new BusinessRuleViolation(ErrorCode.ENDED, "the deal ended at " + endsAt);
        }
        HappyHoursRule.requireOpenAt(happyHours, at, "groups of this deal");
    }

    private static BusinessRuleViolation invalid(String message) {
        return new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, message);
    }
}
