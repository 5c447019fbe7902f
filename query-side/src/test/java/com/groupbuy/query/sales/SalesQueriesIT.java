package com.groupbuy.query.sales;

import com.groupbuy.query.QuerySideTestSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /analytics/sales over real HTTP on the hourly sales read model. */
class SalesQueriesIT extends QuerySideTestSupport {

    private final String tea = unique("TEA");
    private final String cake = unique("CAKE");

    @Test
    void hour_buckets_answer_the_rows_in_the_range_per_sku() throws Exception {
        hour("2026-03-01T09:00:00Z", tea, 9, 9, 900, 0);
        hour("2026-03-01T10:00:00Z", tea, 2, 3, 1400, 100);
        hour("2026-03-01T10:00:00Z", cake, 1, 1, 360, 40);
        hour("2026-03-01T11:00:00Z", cake, 1, 3, 1200, 0);

        JsonNode report = get("/api/v1/analytics/sales?from=2026-03-01T10:00:00Z&to=2026-03-01T12:00:00Z"
                + "&bucket=hour&sku=" + cake, token("analyst-1", "analyst")).body();

        JsonNode rows = report.get("rows");
        assertThat(texts(rows, "bucketStart")).containsExactly("2026-03-01T10:00:00Z", "2026-03-01T11:00:00Z");
        assertThat(texts(rows, "units")).containsExactly("1", "3");
        assertThat(texts(rows, "revenueCents")).containsExactly("360", "1200");
        assertThat(texts(rows, "discountCents")).containsExactly("40", "0");
        assertThat(report.get("bucket").asString()).isEqualTo("hour");
    }

    @Test
    void day_buckets_add_up_the_hours_of_each_utc_day() throws Exception {
        hour("2026-03-01T00:00:00Z", tea, 1, 1, 500, 0);
        hour("2026-03-01T23:00:00Z", tea, 2, 3, 1400, 100);
        hour("2026-03-02T00:00:00Z", tea, 1, 2, 1000, 0);
        hour("2026-03-01T10:00:00Z", cake, 1, 1, 360, 40);

        JsonNode rows = get("/api/v1/analytics/sales?from=2026-03-01&to=2026-03-03&bucket=day&sku=" + tea,
                token("analyst-1", "analyst")).body().get("rows");

        assertThat(texts(rows, "bucketStart")).containsExactly("2026-03-01T00:00:00Z", "2026-03-02T00:00:00Z");
        assertThat(texts(rows, "orders")).containsExactly("3", "1");
        assertThat(texts(rows, "units")).containsExactly("4", "2");
        assertThat(texts(rows, "revenueCents")).containsExactly("1900", "1000");
        assertThat(texts(rows, "discountCents")).containsExactly("100", "0");
        assertThat(texts(rows, "grossCents")).containsExactly("2000", "1000");
    }

    @Test
    void a_day_report_over_part_of_a_day_sums_only_the_hours_in_the_range() throws Exception {
        hour("2026-03-01T09:00:00Z", tea, 1, 1, 500, 0);
        hour("2026-03-01T23:00:00Z", tea, 2, 3, 1400, 100);

        JsonNode rows = get("/api/v1/analytics/sales?from=2026-03-01T12:00:00Z&to=2026-03-02T00:00:00Z&bucket=day"
                + "&sku=" + tea, token("analyst-1", "analyst")).body().get("rows");

        assertThat(texts(rows, "bucketStart")).containsExactly("2026-03-01T00:00:00Z");
        assertThat(texts(rows, "units")).containsExactly("3");
        assertThat(texts(rows, "revenueCents")).containsExactly("1400");
    }

    @Test
    void a_range_that_is_missing_reversed_or_too_long_is_400_validation_failed() throws Exception {
        String analyst = token("analyst-1", "analyst");

        assertProblem(get("/api/v1/analytics/sales?to=2026-03-02T00:00:00Z", analyst), 400, "VALIDATION_FAILED");
        assertProblem(get("/api/v1/analytics/sales?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z", analyst),
                400, "VALIDATION_FAILED");
        assertProblem(get("/api/v1/analytics/sales?from=2025-01-01&to=2026-03-01&bucket=day", analyst),
                400, "VALIDATION_FAILED");
        assertProblem(get("/api/v1/analytics/sales?from=2026-03-01&to=2026-03-02&bucket=week", analyst),
                400, "VALIDATION_FAILED");
    }

    @Test
    void the_report_downloads_as_csv_with_fields_quoted_where_needed() throws Exception {
        String odd = unique("TEA,\"GREEN\"");
        hour("2026-03-01T10:00:00Z", tea, 2, 3, 1400, 100);
        hour("2026-03-01T10:00:00Z", odd, 1, 1, 360, 40);
        hour("2026-03-01T11:00:00Z", tea, 1, 2, 1000, 0);
        String range = "/api/v1/analytics/sales?from=2026-03-01T10:00:00Z&to=2026-03-01T12:00:00Z&bucket=hour";
        String analyst = token("analyst-1", "analyst");

        HttpResponse<String> byAccept = getRaw(range + "&sku=" + tea, analyst, "text/csv");
        HttpResponse<String> byParameter = getRaw(range + "&format=csv&sku=" + enc(odd), analyst, null);

        assertThat(byAccept.statusCode()).isEqualTo(200);
        assertThat(byAccept.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/csv"));
        assertThat(byAccept.body()).isEqualTo(
                "bucket_start,sku,category,orders,units,gross_cents,discount_cents,revenue_cents\r\n"
                        + "2026-03-01T10:00:00Z," + tea + ",,2,3,1500,100,1400\r\n"
                        + "2026-03-01T11:00:00Z," + tea + ",,1,2,1000,0,1000\r\n");
        assertThat(byParameter.body().split("\r\n")).containsExactly(
                "bucket_start,sku,category,orders,units,gross_cents,discount_cents,revenue_cents",
                "2026-03-01T10:00:00Z,\"" + odd.replace("\"", "\"\"") + "\",,1,1,400,40,360");
    }

    @Test
    void a_csv_request_with_a_bad_range_is_400_problem_json() throws Exception {
        HttpResponse<String> answer = getRaw("/api/v1/analytics/sales?from=2026-03-02&to=2026-03-01&format=csv",
                token("analyst-1", "analyst"), null);

        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void json_pages_say_whether_more_rows_follow() throws Exception {
        hour("2026-03-01T10:00:00Z", tea, 1, 1, 100, 0);
        hour("2026-03-01T11:00:00Z", tea, 1, 1, 100, 0);
        hour("2026-03-01T12:00:00Z", tea, 1, 1, 100, 0);
        String path = "/api/v1/analytics/sales?from=2026-03-01&to=2026-03-02&sku=" + tea + "&size=2";
        String analyst = token("analyst-1", "analyst");

        JsonNode first = get(path + "&page=0", analyst).body();
        JsonNode second = get(path + "&page=1", analyst).body();

        assertThat(texts(first.get("rows"), "bucketStart")).containsExactly("2026-03-01T10:00:00Z",
                "2026-03-01T11:00:00Z");
        assertThat(first.get("hasMore").asBoolean()).isTrue();
        assertThat(texts(second.get("rows"), "bucketStart")).containsExactly("2026-03-01T12:00:00Z");
        assertThat(second.get("hasMore").asBoolean()).isFalse();
    }

    private static String enc(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void sales_are_for_analysts_only() throws Exception {
        assertProblem(get("/api/v1/analytics/sales?from=2026-03-01&to=2026-03-02", token("u1", "customer")),
                403, "FORBIDDEN");
    }

    /** An hour row and its share of the day row, as the sales projection writes them. */
    private void hour(String bucketStart, String sku, int orders, long units, long revenue, long discount) {
        Instant hour = Instant.parse(bucketStart);
        readModel.sql("""
                        INSERT INTO sales_hourly (bucket_start, sku, category, orders, units, gross_cents,
                                                  discount_cents, revenue_cents, last_event_at)
                        VALUES (?, ?, NULL, ?, ?, ?, ?, ?, now())""")
                .params(Timestamp.from(hour), sku, orders, units, revenue + discount, discount, revenue)
                .update();
        readModel.sql("""
                        INSERT INTO sales_daily (bucket_start, sku, category, orders, units, gross_cents,
                                                 discount_cents, revenue_cents, last_event_at)
                        VALUES (?, ?, NULL, ?, ?, ?, ?, ?, now())
                        ON CONFLICT (bucket_start, sku) DO UPDATE
                           SET orders = sales_daily.orders + EXCLUDED.orders,
                               units = sales_daily.units + EXCLUDED.units,
                               gross_cents = sales_daily.gross_cents + EXCLUDED.gross_cents,
                               discount_cents = sales_daily.discount_cents + EXCLUDED.discount_cents,
                               revenue_cents = sales_daily.revenue_cents + EXCLUDED.revenue_cents""")
                .params(Timestamp.from(hour.truncatedTo(ChronoUnit.DAYS)), sku, orders, units, revenue + discount,
                        discount, revenue)
                .update();
    }
}
