package com.groupbuy.query.freshness;

import com.groupbuy.query.QuerySideTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Query answers say how fresh the read model behind them is, from the projections' positions. */
class ReadModelFreshnessIT extends QuerySideTestSupport {

    @Test
    void an_answer_carries_the_position_and_age_of_the_read_model_it_comes_from() throws Exception {
        Instant newest = Instant.now().minus(Duration.ofMinutes(3)).truncatedTo(ChronoUnit.MILLIS);
        position("coupons", "groupbuy.events.coupon", 0, 40, newest.minusSeconds(60));
        position("coupons", "groupbuy.events.coupon", 1, 2, newest);
        position("coupons", "groupbuy.events.coupon-campaign", 0, 5, newest.minusSeconds(600));
        String customer = unique("u");

        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
            HttpResponse<String> answer = getRaw("/api/v1/me/coupons", token(customer, "customer"), null);

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.headers().firstValue("X-Read-Model-Position")).hasValue("coupons=47");
            assertThat(answer.headers().firstValue("X-Read-Model-Event-Time")).hasValue(newest.toString());
            long age = Long.parseLong(answer.headers().firstValue("X-Read-Model-Age").orElseThrow());
            assertThat(age).isBetween(179L, 240L);
        });
    }

    @Test
    void positions_are_read_at_most_a_moment_before_the_request() throws Exception {
        position("moment", "groupbuy.events.coupon", 0, 1, Instant.now());
        await().atMost(Duration.ofSeconds(2)).until(() -> positionOf("moment"), value -> value == 1);

        position("moment", "groupbuy.events.coupon", 0, 2, Instant.now());
        long sent = System.nanoTime();
        await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20))
                .until(() -> positionOf("moment"), value -> value == 2);

        assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofMillis(1_000));
    }

    @Test
    void a_404_of_an_order_not_projected_yet_still_says_how_far_the_read_model_is() throws Exception {
        HttpResponse<String> answer = getRaw("/api/v1/orders/" + unique("o"), token("analyst-1", "analyst"), null);

        assertThat(answer.statusCode()).isEqualTo(404);
        assertThat(answer.headers().firstValue("X-Read-Model-Position")).hasValueSatisfying(
                value -> assertThat(value).startsWith("orders="));
    }

    @Autowired
    ProjectionFreshness freshness;

    private long positionOf(String projection) {
        String positions = freshness.summaryOf(java.util.List.of(projection)).positions();
        return Long.parseLong(positions.substring(positions.indexOf('=') + 1));
    }

    private void position(String projection, String topic, int partition, long nextOffset, Instant lastEventAt) {
        readModel.sql("""
                        INSERT INTO projection_position (projection, topic, partition_no, next_offset, last_event_at,
                                                         applied_at)
                        VALUES (?, ?, ?, ?, ?, now())
                        ON CONFLICT (projection, topic, partition_no) DO UPDATE
                           SET next_offset = EXCLUDED.next_offset, last_event_at = EXCLUDED.last_event_at""")
                .params(projection, topic, partition, nextOffset, Timestamp.from(lastEventAt))
                .update();
    }
}
