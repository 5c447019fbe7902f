package com.groupbuy.events.groupbuy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A recurring window: on {@code days}, from {@code from} (inclusive) to {@code to} (exclusive), local times
 * ({@code HH:mm}) in {@code timeZone} (an IANA zone id). A window that ends before it starts runs past midnight
 * into the next day ({@code 22:00}–{@code 02:00} on Friday is open until 02:00 on Saturday).
 *
 * <p>Each window is an interval of instants by the zone's rules: a start or end that falls in a gap (clocks going
 * forward) moves forward by the gap's length; one that falls in an overlap (clocks going back) starts at its first
 * occurrence and ends at its last. {@link #isOpenAt} and {@link #openingsBetween} answer from the same intervals.
 */
public record HappyHours(List<DayOfWeek> days, String from, String to, String timeZone) {

    public HappyHours {
        days = days == null ? List.of() : List.copyOf(days);
    }

    /** One window as instants: open from {@code start} (inclusive) to {@code end} (exclusive). */
    public record Opening(Instant start, Instant end) {

        public boolean contains(Instant at) {
            return !at.isBefore(start) && at.isBefore(end);
        }
    }

    public boolean isOpenAt(Instant at) {
        LocalDate day = at.atZone(ZoneId.of(timeZone)).toLocalDate();
        return Stream.of(day.minusDays(1), day).map(this::openingOn).flatMap(Optional::stream)
                .anyMatch(opening -> opening.contains(at));
    }

    /** The windows that overlap [{@code from}, {@code to}), in order, each cut to that span. */
    public List<Opening> openingsBetween(Instant from, Instant to) {
        ZoneId zone = ZoneId.of(timeZone);
        List<Opening> openings = new ArrayList<>();
        LocalDate last = to.atZone(zone).toLocalDate();
        for (LocalDate day = from.atZone(zone).toLocalDate().minusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
            openingOn(day).ifPresent(opening -> {
                Instant start = opening.start().isBefore(from) ? from : opening.start();
                Instant end = opening.end().isAfter(to) ? to : opening.end();
                if (start.isBefore(end)) {
                    openings.add(new Opening(start, end));
                }
            });
        }
        return openings;
    }

    /** The window that starts on {@code day} (local), if {@code day} is one of the days and the window is not empty. */
    private Optional<Opening> openingOn(LocalDate day) {
        if (!days.contains(day.getDayOfWeek())) {
            return Optional.empty();
        }
        ZoneId zone = ZoneId.of(timeZone);
        LocalTime start = LocalTime.parse(from);
        LocalTime end = LocalTime.parse(to);
        Instant opens = ZonedDateTime.of(day, start, zone).withEarlierOffsetAtOverlap().toInstant();
        Instant closes = ZonedDateTime.of(end.isAfter(start) ? day : day.plusDays(1), end, zone)
                .withLaterOffsetAtOverlap().toInstant();
        return opens.isBefore(closes) ? Optional.of(new Opening(opens, closes)) : Optional.empty();
    }
}
