package com.groupbuy.query.sales;

import com.groupbuy.platform.web.ApiException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SalesQueryTest {

    @Test
    void instants_with_an_offset_are_read_as_utc() {
        SalesQuery query = SalesQuery.of("2026-03-01T10:00:00+02:00", "2026-03-01T12:00:00Z", null, null);

        assertThat(query.from()).isEqualTo(Instant.parse("2026-03-01T08:00:00Z"));
        assertThat(query.bucket()).isEqualTo(Bucket.HOUR);
    }

    @Test
    void a_date_means_the_start_of_that_utc_day() {
        SalesQuery query = SalesQuery.of("2026-03-01", "2026-03-08", "DAY", " TEA ");

        assertThat(query.from()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(query.to()).isEqualTo(Instant.parse("2026-03-08T00:00:00Z"));
        assertThat(query.sku()).isEqualTo("TEA");
    }

    @Test
    void day_reports_cover_up_to_366_days_and_hour_reports_up_to_31() {
        assertThat(SalesQuery.of("2025-03-01", "2026-03-02", "day", null).bucket()).isEqualTo(Bucket.DAY);
        assertInvalid("2025-03-01", "2026-03-03", "day", "at most 366 days");
        assertThat(SalesQuery.of("2026-03-01", "2026-04-01", "hour", null).bucket()).isEqualTo(Bucket.HOUR);
        assertInvalid("2026-03-01", "2026-04-02", "hour", "at most 31 days");
    }

    @Test
    void from_and_to_are_required_and_ordered() {
        assertInvalid(null, "2026-03-01", null, "from is required");
        assertInvalid("2026-03-01", "", null, "to is required");
        assertInvalid("2026-03-01", "2026-03-01", null, "to must be after from");
        assertInvalid("yesterday", "2026-03-01", null, "not an ISO-8601");
    }

    @Test
    void only_hour_and_day_buckets_exist() {
        assertInvalid("2026-03-01", "2026-03-02", "week", "bucket must be one of HOUR, DAY");
    }

    private static void assertInvalid(String from, String to, String bucket, String detail) {
        assertThatThrownBy(() -> SalesQuery.of(from, to, bucket, null))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code().name()).isEqualTo("VALIDATION_FAILED");
                    assertThat(e.getMessage()).contains(detail);
                });
    }
}
