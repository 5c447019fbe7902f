package com.groupbuy.events.groupbuy;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HappyHoursTest {

    @Test
    void open_from_the_start_up_to_but_not_at_the_end_on_the_days_named_in_the_zone_named() {
        HappyHours afternoons = new HappyHours(List.of(DayOfWeek.MONDAY), "14:00", "17:00", "Asia/Taipei");

        assertThat(afternoons.isOpenAt(Instant.parse("2031-05-05T05:59:59Z"))).isFalse();
        assertThat(afternoons.isOpenAt(Instant.parse("2031-05-05T06:00:00Z"))).isTrue();
        assertThat(afternoons.isOpenAt(Instant.parse("2031-05-05T08:59:59Z"))).isTrue();
        assertThat(afternoons.isOpenAt(Instant.parse("2031-05-05T09:00:00Z"))).isFalse();
        assertThat(afternoons.isOpenAt(Instant.parse("2031-05-06T06:00:00Z"))).as("a Tuesday").isFalse();
    }

    @Test
    void a_window_that_ends_before_it_starts_runs_past_midnight_into_the_next_day() {
        HappyHours lateFriday = new HappyHours(List.of(DayOfWeek.FRIDAY), "22:00", "02:00", "UTC");

        assertThat(lateFriday.isOpenAt(Instant.parse("2031-05-09T23:30:00Z"))).isTrue();
        assertThat(lateFriday.isOpenAt(Instant.parse("2031-05-10T01:59:00Z"))).as("early Saturday").isTrue();
        assertThat(lateFriday.isOpenAt(Instant.parse("2031-05-10T02:00:00Z"))).isFalse();
        assertThat(lateFriday.isOpenAt(Instant.parse("2031-05-09T01:00:00Z"))).as("early Friday").isFalse();
    }

    @Test
    void the_openings_between_two_instants_are_the_windows_cut_to_them_by_the_zone_s_rules_across_a_dst_change() {
        HappyHours evenings = new HappyHours(List.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), "18:00", "20:00",
                "Europe/Berlin");

        List<HappyHours.Opening> openings = evenings.openingsBetween(Instant.parse("2031-03-22T18:30:00Z"),
                Instant.parse("2031-03-30T18:30:00Z"));

        assertThat(openings).containsExactly(
                new HappyHours.Opening(Instant.parse("2031-03-22T18:30:00Z"), Instant.parse("2031-03-22T19:00:00Z")),
                new HappyHours.Opening(Instant.parse("2031-03-23T17:00:00Z"), Instant.parse("2031-03-23T19:00:00Z")),
                new HappyHours.Opening(Instant.parse("2031-03-29T17:00:00Z"), Instant.parse("2031-03-29T19:00:00Z")),
                new HappyHours.Opening(Instant.parse("2031-03-30T16:00:00Z"), Instant.parse("2031-03-30T18:00:00Z")));
        assertThat(evenings.isOpenAt(Instant.parse("2031-03-30T16:30:00Z"))).as("summer time").isTrue();
        assertThat(evenings.isOpenAt(Instant.parse("2031-03-30T18:30:00Z"))).isFalse();
    }

    @Test
    void a_window_past_midnight_opens_on_the_day_before_the_span_too() {
        HappyHours lateFriday = new HappyHours(List.of(DayOfWeek.FRIDAY), "22:00", "02:00", "UTC");

        assertThat(lateFriday.openingsBetween(Instant.parse("2031-05-10T00:00:00Z"),
                Instant.parse("2031-05-11T00:00:00Z"))).containsExactly(new HappyHours.Opening(
                Instant.parse("2031-05-10T00:00:00Z"), Instant.parse("2031-05-10T02:00:00Z")));
    }
}
