package com.groupbuy.query.reports;

import com.groupbuy.query.QuerySideTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analysts' reports over orders in real PostgreSQL, each test in a week of its own from May 2031 on (no other
 * test writes there): on Monday Ann pays with a coupon; on Tuesday Ann pays a flash-sale order, and Bob's group
 * order is refunded and his next one paid.
 */
class ReportsIT extends QuerySideTestSupport {

    private static final AtomicInteger WEEKS = new AtomicInteger();

    private final LocalDate monday = LocalDate.of(2031, 5, 5).plusWeeks(WEEKS.getAndIncrement());
    private final LocalDate tuesday = monday.plusDays(1);
    private final String week = "from=" + monday + "&to=" + monday.plusDays(7);

    private final String ann = unique("ann");
    private final String bob = unique("bob");
    private final String campaign = unique("campaign");
    private String analyst;

    @BeforeEach
    void orders() throws Exception {
        analyst = token(unique("analyst"), "analyst");
        readModel.sql("""
                        INSERT INTO coupon_campaign (campaign_id, claimed, updated_at, last_sequence)
                        VALUES (?, 5, now(), 0)""").params(campaign).update();
        String coupon = unique("coupon");
        readModel.sql("""
                        INSERT INTO coupon (coupon_id, campaign_id, user_id, status, issued_at, updated_at,
                                            last_sequence, last_event_at)
                        VALUES (?, ?, ?, 'REDEEMED', now(), now(), 0, now())""")
                .params(coupon, campaign, ann).update();
        String withCoupon = paid(ann, "PAID", monday + "T09:30:00Z", 1000, 100, coupon, null, null);
        line(withCoupon, 1, "tea", 2, 300);
        line(withCoupon, 2, "cake", 1, 400);
        line(paid(ann, "PICKED_UP", tuesday + "T10:00:00Z", 500, 0, null, "FLASH_SALE", "sale-1"), 1, "tea", 1, 500);
        line(paid(bob, "REFUNDED", tuesday + "T10:30:00Z", 700, 0, null, "GROUP_BUY", "deal-1"), 1, "tea", 1, 700);
        line(paid(bob, "PAID", tuesday + "T11:00:00Z", 300, 0, null, "GROUP_BUY", "deal-1"), 1, "tea", 1, 300);
    }

    @Test
    void sales_by_category_share_each_orders_discount_over_its_lines_and_leave_refunds_out() throws Exception {
        JsonNode rows = report("sales-by-category?" + week).get("rows");

        assertThat(row(rows, "category", "tea")).isEqualTo("orders=3 units=4 gross_cents=1400 discount_cents=60 "
                + "revenue_cents=1340");
        assertThat(row(rows, "category", "cake")).isEqualTo("orders=1 units=1 gross_cents=400 discount_cents=40 "
                + "revenue_cents=360");
    }

    @Test
    void sales_by_promotion_name_the_campaign_of_a_coupon_order_and_the_sale_or_deal_of_the_others()
            throws Exception {
        JsonNode rows = report("sales-by-promotion?" + week).get("rows");

        assertThat(row(rows, "promotion_id", campaign)).isEqualTo("promotion_kind=COUPON orders=1 gross_cents=1000 "
                + "discount_cents=100 revenue_cents=900");
        assertThat(row(rows, "promotion_id", "sale-1")).startsWith("promotion_kind=FLASH_SALE orders=1");
        assertThat(row(rows, "promotion_id", "deal-1")).isEqualTo("promotion_kind=GROUP_BUY orders=1 gross_cents=300 "
                + "discount_cents=0 revenue_cents=300");
    }

    @Test
    void sales_by_hour_and_weekday_fill_every_cell_in_the_zone_asked_for() throws Exception {
        JsonNode utc = report("sales-by-hour-and-weekday?" + week).get("rows");
        JsonNode taipei = report("sales-by-hour-and-weekday?" + week + "&tz=Asia/Taipei").get("rows");

        assertThat(utc).hasSize(7 * 24);
        assertThat(cell(utc, 1, 9)).isEqualTo("orders=1 revenue_cents=900");
        assertThat(cell(utc, 2, 10)).as("the refunded order is not a sale").isEqualTo("orders=1 revenue_cents=500");
        assertThat(cell(utc, 3, 10)).isEqualTo("orders=0 revenue_cents=0");
        assertThat(cell(taipei, 1, 17)).isEqualTo("orders=1 revenue_cents=900");
    }

    @Test
    void coupon_campaigns_show_the_revenue_of_the_paid_orders_their_coupons_were_on_and_what_they_cost()
            throws Exception {
        JsonNode rows = report("coupon-campaigns?" + week).get("rows");

        assertThat(row(rows, "campaign_id", campaign)).isEqualTo("claimed=5 orders=1 gross_cents=1000 cost_cents=100 "
                + "revenue_cents=900");
    }

    @Test
    void customers_are_new_on_the_day_of_their_first_sale_and_returning_after() throws Exception {
        JsonNode rows = report("customers?" + week).get("rows");

        assertThat(row(rows, "day", monday.toString())).isEqualTo("customers=1 new_customers=1 returning_customers=0 "
                + "orders=1 revenue_cents=900");
        assertThat(row(rows, "day", tuesday.toString())).as("Bob's refunded order made him no customer")
                .isEqualTo("customers=2 new_customers=1 returning_customers=1 orders=2 revenue_cents=800");
    }

    @Test
    void every_report_downloads_as_csv_with_its_columns_as_the_header() throws Exception {
        HttpResponse<String> csv = getRaw("/api/v1/analytics/reports/sales-by-promotion?" + week, analyst,
                "text/csv");

        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("sales-by-promotion.csv");
        List<String> lines = List.of(csv.body().split("\r\n"));
        assertThat(lines.getFirst())
                .isEqualTo("promotion_kind,promotion_id,orders,gross_cents,discount_cents,revenue_cents");
        assertThat(lines).contains("COUPON," + campaign + ",1,1000,100,900", "GROUP_BUY,deal-1,1,300,0,300");
    }

    @Test
    void an_unknown_report_is_404_a_bad_range_400_and_customers_cannot_read_reports() throws Exception {
        assertProblem(get("/api/v1/analytics/reports/top-secret?" + week, analyst), 404, "NOT_FOUND");
        assertProblem(get("/api/v1/analytics/reports/customers?from=" + monday.plusDays(7) + "&to=" + monday, analyst), 400,
                "VALIDATION_FAILED");
        assertProblem(get("/api/v1/analytics/reports/customers?" + week + "&tz=Mars/Olympus", analyst), 400,
                "VALIDATION_FAILED");
        assertProblem(get("/api/v1/analytics/reports/customers?" + week, token(ann, "customer")), 403,
                "FORBIDDEN");
    }

    private JsonNode report(String path) throws Exception {
        Answer answer = get("/api/v1/analytics/reports/" + path, analyst);
        assertThat(answer.status()).isEqualTo(200);
        return answer.body();
    }

    /** The row whose {@code key} column is {@code value}, its other columns as {@code name=value} text. */
    private static String row(JsonNode rows, String key, String value) {
        for (JsonNode row : rows) {
            if (value.equals(row.get(key).asString())) {
                List<String> cells = new ArrayList<>();
                row.properties().forEach(cell -> {
                    if (!cell.getKey().equals(key)) {
                        cells.add(cell.getKey() + "=" + cell.getValue().asString());
                    }
                });
                return String.join(" ", cells);
            }
        }
        throw new AssertionError("no row with " + key + " = " + value + " in " + rows);
    }

    private static String cell(JsonNode rows, int weekday, int hour) {
        for (JsonNode row : rows) {
            if (row.get("weekday").asInt() == weekday && row.get("hour").asInt() == hour) {
                return "orders=" + row.get("orders").asString() + " revenue_cents=" + row.get("revenue_cents").asString();
            }
        }
        throw new AssertionError("no cell " + weekday + "/" + hour);
    }

    private String paid(String userId, String status, String paidAt, long subtotal, long discount, String couponId,
                        String promotionKind, String promotionId) {
        String orderId = unique("o");
        Timestamp at = Timestamp.from(Instant.parse(paidAt));
        readModel.sql("""
                        INSERT INTO orders (order_id, user_id, status, placed_at, updated_at, last_sequence,
                                            last_event_at, subtotal_cents, discount_cents, total_cents, coupon_id,
                                            paid_at, promotion_kind, promotion_id)
                        VALUES (?, ?, ?, ?, now(), 3, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(orderId, userId, status, at, at, subtotal, discount, subtotal - discount, couponId, at,
                        promotionKind, promotionId)
                .update();
        return orderId;
    }

    private void line(String orderId, int lineNo, String category, int quantity, long unitPrice) {
        readModel.sql("""
                        INSERT INTO order_line (order_id, line_no, sku, category, quantity, unit_price_cents)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(orderId, lineNo, category.toUpperCase() + "-1", category, quantity, unitPrice)
                .update();
    }
}
