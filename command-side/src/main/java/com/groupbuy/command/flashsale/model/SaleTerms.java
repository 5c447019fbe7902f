package com.groupbuy.command.flashsale.model;

import com.groupbuy.command.domain.BusinessRuleViolation;
import com.groupbuy.command.domain.HappyHoursRule;
import com.groupbuy.contract.ErrorCode;
import com.groupbuy.events.groupbuy.HappyHours;

import java.time.Duration;
import java.time.Instant;

/**
 * What a flash sale offers: a price, how many units, how many per customer, and when: between its start and end, and
 * within its happy hours if it has them (null: any time).
 */
record SaleTerms(long priceCents, int quantity, int perUserLimit, Instant startsAt, Instant endsAt,
                 HappyHours happyHours) {

    static SaleTerms of(ScheduleFlashSale command, Instant now) {
        if (command.priceCents() <= 0) {
            throw invalid("price must be positive");
        }
        if (command.quantity() <= 0) {
            throw invalid("quantity must be positive");
        }
        if (command.perUserLimit() <= 0) {
            throw invalid("perUserLimit must be positive");
        }
        if (!command.startsAt().isBefore(command.endsAt())) {
            throw invalid("startsAt must be before endsAt");
        }
        if (!command.endsAt().isAfter(now)) {
            throw invalid("the sale would have ended already");
        }
        if (command.happyHours() != null) {
            HappyHoursRule.requireValid(command.happyHours());
            if (Duration.between(command.startsAt(), command.endsAt()).compareTo(HappyHoursRule.MAX_SPAN) > 0) {
                throw invalid("a sale with happyHours may last at most " + HappyHoursRule.MAX_SPAN.toDays()
                        + " days");
            }
        }
        return new SaleTerms(command.priceCents(), command.quantity(), command.perUserLimit(), command.startsAt(),
                command.endsAt(), command.happyHours());
    }

    /** Whether a purchase admitted at {@code at} may buy {@code quantity} more, on top of the buyer's {@code held}. */
    void admit(Instant at, int quantity, int held, int remaining) {
        if (at.isBefore(startsAt)) {
            throw new BusinessRuleViolation(ErrorCode.NOT_STARTED, "the sale starts at " + startsAt);
        }
        if (!at.isBefore(endsAt)) {
            throw new BusinessRuleViolation(ErrorCode.ENDED, "the sale ended at " + endsAt);
        }
        HappyHoursRule.requireOpenAt(happyHours, at, "this sale sells");
        if (quantity > remaining) {
            throw new BusinessRuleViolation(ErrorCode.SOLD_OUT, remaining + " units left, " + quantity + " asked");
        }
        if (held + quantity > perUserLimit) {
            throw new BusinessRuleViolation(ErrorCode.LIMIT_REACHED,
                    "at most " + perUserLimit + " units per customer; " + held + " held already");
        }
    }

    private static BusinessRuleViolation invalid(String message) {
        return new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, message);
    }
}
