package com.groupbuy.command.groupbuy.model;

import com.groupbuy.command.domain.BusinessRuleViolation;
import com.groupbuy.contract.ErrorCode;

import com.groupbuy.events.groupbuy.HappyHours;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * What a group-buy deal offers: a group price below list, a group size, how long a group may take, and when: between
 * its start and end, and within its happy hours if it has them (null: any time).
 */
record DealTerms(String sku, long groupPriceCents, int groupSize, Duration window, Instant startsAt,
                 Instant endsAt, HappyHours happyHours) {

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
            requireValid(command.happyHours());
        }
        return new DealTerms(command.product().sku(), command.groupPriceCents(), command.groupSize(),
                Duration.ofSeconds(command.windowSeconds()), command.startsAt(), command.endsAt(),
                command.happyHours());
    }

    /** Whether a group may be opened at {@code at}. */
    void requireOpenAt(Instant at) {
        if (at.isBefore(startsAt)) {
            throw new BusinessRuleViolation(ErrorCode.NOT_STARTED, "the deal starts at " + startsAt);
        }
        if (!at.isBefore(endsAt)) {
            throw new BusinessRuleViolation(ErrorCode.ENDED, "the deal ended at " + endsAt);
        }
        if (happyHours != null && !happyHours.isOpenAt(at)) {
            throw new BusinessRuleViolation(ErrorCode.NOT_STARTED, "groups of this deal open on " + happyHours.days()
                    + " from " + happyHours.from() + " to " + happyHours.to() + " (" + happyHours.timeZone() + ")");
        }
    }

    private static void requireValid(HappyHours hours) {
        if (hours.days().isEmpty()) {
            throw invalid("happyHours.days must name at least one day");
        }
        try {
            ZoneId.of(hours.timeZone());
            if (LocalTime.parse(hours.from()).equals(LocalTime.parse(hours.to()))) {
                throw invalid("happyHours.from and happyHours.to must differ");
            }
        } catch (DateTimeException e) {
            throw invalid("happyHours: times are HH:mm and timeZone an IANA zone id (" + e.getMessage() + ")");
        }
    }

    private static BusinessRuleViolation invalid(String message) {
        return new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, message);
    }
}
