package com.groupbuy.query.flashsales;

import com.groupbuy.contract.RedisKeys;
import com.groupbuy.query.QuerySideTestSupport;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /flash-sales/{id} on the sale's hash in real Redis, /analytics/flash-sales/{id} on real PostgreSQL. */
class FlashSaleQueriesIT extends QuerySideTestSupport {

    @Autowired
    RedissonClient redis;

    private static final long GENERATION = 7;

    private final String saleId = unique("sale");

    @Test
    void a_running_sale_shows_its_remaining_units_window_price_and_limit() throws Exception {
        Instant startsAt = Instant.now().minus(Duration.ofMinutes(5));
        Instant endsAt = Instant.now().plus(Duration.ofMinutes(55));
        cacheSale(startsAt, endsAt, "37", "false");

        Answer answer = get("/api/v1/flash-sales/" + saleId, token("u1", "customer"));

        assertThat(answer.status()).isEqualTo(200);
        JsonNode sale = answer.body();
        assertThat(sale.get("remaining").asInt()).isEqualTo(37);
        assertThat(sale.get("quantity").asInt()).isEqualTo(50);
        assertThat(sale.get("sku").asString()).isEqualTo("MANGO-ICE");
        assertThat(sale.get("priceCents").asLong()).isEqualTo(199);
        assertThat(sale.get("perUserLimit").asInt()).isEqualTo(2);
        assertThat(Instant.parse(sale.get("startsAt").asString())).isEqualTo(startsAt);
        assertThat(Instant.parse(sale.get("endsAt").asString())).isEqualTo(endsAt);
        assertThat(sale.get("status").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void a_sale_is_scheduled_before_its_start_and_ended_once_it_says_so() throws Exception {
        cacheSale(Instant.now().plus(Duration.ofHours(1)), Instant.now().plus(Duration.ofHours(2)), "50", "false");
        assertThat(get("/api/v1/flash-sales/" + saleId, token("u1", "customer")).body().get("status").asString())
                .isEqualTo("SCHEDULED");

        redis.getMap(RedisKeys.flashSale(GENERATION, saleId), StringCodec.INSTANCE).putAll(Map.of("ended", "true",
                "remaining", "0"));

        JsonNode ended = get("/api/v1/flash-sales/" + saleId, token("u1", "customer")).body();
        assertThat(ended.get("status").asString()).isEqualTo("ENDED");
        assertThat(ended.get("remaining").asInt()).isZero();
    }

    @Test
    void a_sale_is_read_from_the_generation_the_pointer_names_and_is_404_while_there_is_none() throws Exception {
        Instant startsAt = Instant.now().minus(Duration.ofMinutes(5));
        Instant endsAt = Instant.now().plus(Duration.ofMinutes(55));
        cacheSale(startsAt, endsAt, "37", "false");
        redis.getMap(RedisKeys.flashSale(GENERATION + 1, saleId), StringCodec.INSTANCE).putAll(Map.of(
                "flashSaleId", saleId, "sku", "MANGO-ICE", "priceCents", "199", "quantity", "50",
                "perUserLimit", "2", "startsAt", startsAt.toString(), "endsAt", endsAt.toString(),
                "remaining", "3", "ended", "false", "sequence", "20"));
        String customer = token("u1", "customer");

        assertThat(get("/api/v1/flash-sales/" + saleId, customer).body().get("remaining").asInt()).isEqualTo(37);
        redis.getBucket(RedisKeys.flashSaleCacheGeneration(), StringCodec.INSTANCE)
                .set(Long.toString(GENERATION + 1));
        assertThat(get("/api/v1/flash-sales/" + saleId, customer).body().get("remaining").asInt()).isEqualTo(3);
        redis.getBucket(RedisKeys.flashSaleCacheGeneration(), StringCodec.INSTANCE).delete();
        assertProblem(get("/api/v1/flash-sales/" + saleId, customer), 404, "NOT_FOUND");
    }

    @Test
    void an_unknown_sale_is_404() throws Exception {
        assertProblem(get("/api/v1/flash-sales/" + saleId, token("u1", "customer")), 404, "NOT_FOUND");
    }

    @Test
    void customers_find_the_sales_running_now_first_then_those_starting_within_a_day() throws Exception {
        Instant now = Instant.now();
        String running = storeSale(now.minusSeconds(60), now.plusSeconds(600), null);
        String soon = storeSale(now.plusSeconds(3600), now.plusSeconds(7200), null);
        String nextWeek = storeSale(now.plus(Duration.ofDays(7)), now.plus(Duration.ofDays(8)), null);
        String over = storeSale(now.minusSeconds(7200), now.minusSeconds(60), null);
        String endedEarly = storeSale(now.minusSeconds(60), now.plusSeconds(600), now.minusSeconds(5));

        Answer answer = get("/api/v1/flash-sales?limit=200", token(unique("u"), "customer"));

        assertThat(answer.status()).isEqualTo(200);
        List<String> listed = answer.body().get("items").findValuesAsString("flashSaleId");
        assertThat(listed).contains(running, soon).doesNotContain(nextWeek, over, endedEarly);
        assertThat(listed.indexOf(running)).isLessThan(listed.indexOf(soon));
        JsonNode first = answer.body().get("items").get(listed.indexOf(running));
        assertThat(first.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(first.get("remaining").asInt()).isEqualTo(40);
        assertThat(first.get("priceCents").asLong()).isEqualTo(199);
        assertThat(answer.body().get("items").get(listed.indexOf(soon)).get("status").asString())
                .isEqualTo("SCHEDULED");
    }

    @Test
    void a_happy_hour_sale_shows_its_hours_and_whether_it_sells_now() throws Exception {
        Instant now = Instant.now();
        String plain = storeSale(now.minusSeconds(60), now.plusSeconds(600), null);
        String within = storeSale(now.minusSeconds(60), now.plusSeconds(600), null);
        String outside = storeSale(now.minusSeconds(60), now.plusSeconds(600), null);
        String soon = storeSale(now.plusSeconds(3600), now.plusSeconds(7200), null);
        ZonedDateTime utc = now.atZone(ZoneOffset.UTC);
        String everyDay = "[\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\",\"FRIDAY\",\"SATURDAY\",\"SUNDAY\"]";
        happyHours(within, "{\"days\":" + everyDay + ",\"from\":\"%s\",\"to\":\"%s\",\"timeZone\":\"UTC\"}"
                .formatted(hhmm(utc.minusHours(1)), hhmm(utc.plusHours(1))));
        happyHours(outside, "{\"days\":[\"%s\"],\"from\":\"00:00\",\"to\":\"23:59\",\"timeZone\":\"UTC\"}"
                .formatted(utc.getDayOfWeek().plus(3)));

        JsonNode items = get("/api/v1/flash-sales?limit=200", token(unique("u"), "customer")).body().get("items");
        List<String> listed = items.findValuesAsString("flashSaleId");

        assertThat(items.get(listed.indexOf(plain)).get("happyHours").isNull()).isTrue();
        assertThat(items.get(listed.indexOf(plain)).get("openNow").asBoolean()).isTrue();
        JsonNode open = items.get(listed.indexOf(within));
        assertThat(open.get("happyHours").get("timeZone").asString()).isEqualTo("UTC");
        assertThat(open.get("happyHours").get("days").size()).isEqualTo(7);
        assertThat(open.get("openNow").asBoolean()).isTrue();
        assertThat(items.get(listed.indexOf(outside)).get("openNow").asBoolean()).isFalse();
        assertThat(items.get(listed.indexOf(soon)).get("openNow").asBoolean()).as("not started").isFalse();
    }

    private void happyHours(String saleId, String json) {
        readModel.sql("UPDATE flash_sale_stats SET happy_hours = ? WHERE flash_sale_id = ?").params(json, saleId)
                .update();
    }

    private static String hhmm(ZonedDateTime at) {
        return at.toLocalTime().toString().substring(0, 5);
    }

    /** A sale as the flash-sale-stats read model holds it: 200 units at 199, 40 left; {@code endedAt} may be null. */
    private String storeSale(Instant startsAt, Instant endsAt, Instant endedAt) {
        String id = unique("listed-sale");
        readModel.sql("""
                        INSERT INTO flash_sale_stats (flash_sale_id, sku, price_cents, quantity, per_user_limit,
                                                      starts_at, ends_at, ended_at, remaining, updated_at,
                                                      last_sequence, last_event_at)
                        VALUES (:id, 'MANGO-ICE', 199, 200, 2, :startsAt, :endsAt, :endedAt, 40, now(), 3, now())""")
                .param("id", id)
                .param("startsAt", Timestamp.from(startsAt))
                .param("endsAt", Timestamp.from(endsAt))
                .param("endedAt", endedAt == null ? null : Timestamp.from(endedAt), Types.TIMESTAMP)
                .update();
        return id;
    }

    @Test
    void an_analyst_reads_a_sales_admissions_outcomes_and_sell_through() throws Exception {
        Instant at = Instant.parse("2026-06-01T10:00:00Z");
        readModel.sql("""
                        INSERT INTO flash_sale_stats (flash_sale_id, sku, price_cents, quantity, per_user_limit,
                                                      starts_at, ends_at, remaining, admitted, units_reserved,
                                                      units_returned, placed, confirmed, rejected, paid, cancelled,
                                                      expired, units_sold, revenue_cents, updated_at,
                                                      last_sequence, last_event_at)
                        VALUES (:id, 'MANGO-ICE', 199, 200, 2, :at, :until, 40, 170, 180, 20, 175, 170, 5, 150, 8,
                                12, 160, 31840, now(), 190, :at)""")
                .param("id", saleId)
                .param("at", Timestamp.from(at))
                .param("until", Timestamp.from(at.plusSeconds(3600)))
                .update();

        Answer answer = get("/api/v1/analytics/flash-sales/" + saleId, token("analyst-1", "analyst"));

        assertThat(answer.status()).isEqualTo(200);
        JsonNode stats = answer.body();
        assertThat(stats.get("admitted").asInt()).isEqualTo(170);
        assertThat(stats.get("confirmed").asInt()).isEqualTo(170);
        assertThat(stats.get("paid").asInt()).isEqualTo(150);
        assertThat(stats.get("expired").asInt()).isEqualTo(12);
        assertThat(stats.get("cancelled").asInt()).isEqualTo(8);
        assertThat(stats.get("rejected").asInt()).isEqualTo(5);
        assertThat(stats.get("unitsSold").asInt()).isEqualTo(160);
        assertThat(stats.get("sellThrough").asDouble()).isEqualTo(0.8);
        assertThat(stats.get("quantity").asInt()).isEqualTo(200);
    }

    @Test
    void flash_sale_analytics_are_for_analysts_only_and_unknown_sales_are_404() throws Exception {
        assertProblem(get("/api/v1/analytics/flash-sales/" + saleId, token("u1", "customer")), 403, "FORBIDDEN");
        assertProblem(get("/api/v1/analytics/flash-sales/" + saleId, token("analyst-1", "analyst")),
                404, "NOT_FOUND");
    }

    /** The sale's hash in generation {@link #GENERATION}, which the pointer then names. */
    private void cacheSale(Instant startsAt, Instant endsAt, String remaining, String ended) {
        redis.getBucket(RedisKeys.flashSaleCacheGeneration(), StringCodec.INSTANCE).set(Long.toString(GENERATION));
        redis.getMap(RedisKeys.flashSale(GENERATION, saleId), StringCodec.INSTANCE).putAll(Map.of(
                "flashSaleId", saleId, "sku", "MANGO-ICE", "priceCents", "199", "quantity", "50",
                "perUserLimit", "2", "startsAt", startsAt.toString(), "endsAt", endsAt.toString(),
                "remaining", remaining, "ended", ended, "sequence", "13"));
    }
}
