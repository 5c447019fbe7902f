package com.groupbuy.query.reports;

import com.groupbuy.query.web.QueryParameters;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** The payments a report counts, {@code from <= paid_at < to} (at most 366 days), and the zone it reads days in. */
record ReportRange(Instant from, Instant to, ZoneId zone) {

    static final Duration LONGEST = Duration.ofDays(366);

    /** @throws com.groupbuy.platform.web.ApiException 400 VALIDATION_FAILED when a parameter is missing or wrong */
    static ReportRange of(String from, String to, String zone) {
        Instant start = QueryParameters.instant("from", from);
        Instant end = QueryParameters.instant("to", to);
        if (!end.isAfter(start)) {
            throw QueryParameters.invalid("to must be after from");
        }
        if (Duration.between(start, end).compareTo(LONGEST) > 0) {
            throw QueryParameters.invalid("a report covers at most " + LONGEST.toDays() + " days");
        }
        try {
            return new ReportRange(start, end, zone == null || zone.isBlank() ? ZoneId.of("UTC") : ZoneId.of(zone));
        } catch (DateTimeException e) {
            throw QueryParameters.invalid("tz is not a time zone id (e.g. Asia/Taipei, UTC): " + zone);
        }
    }
}
