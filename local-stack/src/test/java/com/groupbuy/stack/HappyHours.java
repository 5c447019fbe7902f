package com.groupbuy.stack;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The {@code happyHours} of a deal or a flash sale as the contract spells them, for the tests' requests. */
final class HappyHours {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private HappyHours() {
    }

    /** Every day of the week, from the time of day of {@code from} to that of {@code to}, in UTC. */
    static Map<String, Object> everyDayUtc(Instant from, Instant to) {
        List<String> everyDay = Arrays.stream(DayOfWeek.values()).map(Enum::name).toList();
        return Map.of("days", everyDay, "from", HH_MM.format(from), "to", HH_MM.format(to), "timeZone", "UTC");
    }
}
