package com.groupbuy.events.groupbuy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * A recurring window: on {@code days}, from {@code from} (inclusive) to {@code to} (exclusive), local times
 * ({@code HH:mm}) in {@code timeZone} (an IANA zone id). A window that ends before it starts runs past midnight
 * into the next day ({@code 22:00}–{@code 02:00} on Friday is open until 02:00 on Saturday).
 */
public record HappyHours(List<DayOfWeek> days, String from, String to, String timeZone) {

    public HappyHours {
        days = days == null ? List.of() : List.copyOf(days);
    }

    public boolean isOpenAt(Instant at) {
        ZonedDateTime local = at.atZone(ZoneId.of(timeZone));
        LocalTime time = local.toLocalTime();
        LocalTime start = LocalTime.parse(from);
        LocalTime end = LocalTime.parse(to);
        if (start.isBefore(end)) {
            return days.contains(local.getDayOfWeek()) && !time.isBefore(start) && time.isBefore(end);
        }
        return days.contains(local.getDayOfWeek()) && !time.isBefore(start)
                || days.contains(local.getDayOfWeek().minus(1)) && time.isBefore(end);
    }
}
