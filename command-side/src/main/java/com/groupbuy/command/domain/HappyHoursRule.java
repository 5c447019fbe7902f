package com.groupbuy.command.domain;

import com.groupbuy.contract.ErrorCode;
import com.groupbuy.events.groupbuy.HappyHours;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * What makes happy hours valid, for every promotion that has them (group-buy deals, flash sales), and when a
 * promotion with them is open.
 */
public final class HappyHoursRule {

    /** The longest span a flash sale with happy hours may have: the gate keeps each of its windows. */
    public static final Duration MAX_SPAN = Duration.ofDays(366);

    private HappyHoursRule() {
    }

    /** Refuses happy hours without a day, with equal times, or times or a zone that do not parse. */
    public static void requireValid(HappyHours hours) {
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

    /** Refuses {@code at} outside the happy hours (none: always open) with {@code NOT_STARTED}. */
    public static void requireOpenAt(HappyHours hours, Instant at, String what) {
        if (hours != null && !hours.isOpenAt(at)) {
            throw new BusinessRuleViolation(ErrorCode.NOT_STARTED, what + " open on " + hours.days() + " from "
                    + hours.from() + " to " + hours.to() + " (" + hours.timeZone() + ")");
        }
    }

    private static BusinessRuleViolation invalid(String message) {
        return new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED, message);
    }
}
