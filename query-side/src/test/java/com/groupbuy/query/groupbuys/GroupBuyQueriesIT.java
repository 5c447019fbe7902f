package com.groupbuy.query.groupbuys;

import com.groupbuy.contract.RedisKeys;
import com.groupbuy.query.QuerySideTestSupport;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /group-buys/{id}/groups (Redis) and /analytics/group-buys/{id} (PostgreSQL) over real HTTP. */
class GroupBuyQueriesIT extends QuerySideTestSupport {

    private static final Instant NOON = Instant.parse("2026-03-01T12:00:00Z");

    @Autowired
    RedissonClient redis;

    private static final long GENERATION = 7;

    private final String deal = unique("deal");

    @Test
    void storefronts_see_the_open_groups_of_a_deal_soonest_to_close_first_without_lapsed_ones() throws Exception {
        Instant now = Instant.now();
        String later = cacheGroup("OPEN", now.plusSeconds(600), 1);
        String sooner = cacheGroup("OPEN", now.plusSeconds(60), 2);
        cacheGroup("OPEN", now.minusSeconds(5), 1);
        String completed = cacheGroup("COMPLETED", now.plusSeconds(30), 3);
        String customer = token(unique("u"), "customer");

        JsonNode open = get("/api/v1/group-buys/" + deal + "/groups?status=OPEN", customer).body();
        JsonNode done = get("/api/v1/group-buys/" + deal + "/groups?status=completed", customer).body();

        assertThat(texts(open.get("items"), "groupId")).containsExactly(sooner, later);
        JsonNode first = open.get("items").get(0);
        assertThat(first.get("members").asInt()).isEqualTo(2);
        assertThat(first.get("groupSize").asInt()).isEqualTo(3);
        assertThat(Instant.parse(first.get("expiresAt").asString()).toEpochMilli())
                .isEqualTo(now.plusSeconds(60).toEpochMilli());
        assertThat(texts(done.get("items"), "groupId")).containsExactly(completed);
        assertProblem(get("/api/v1/group-buys/" + deal + "/groups?status=LOST", customer), 400, "VALIDATION_FAILED");
    }

    @Test
    void group_answers_say_how_fresh_their_read_models_are() throws Exception {
        String customer = token(unique("u"), "customer");

        var groups = getRaw("/api/v1/group-buys/" + deal + "/groups", customer, null);
        var figures = getRaw("/api/v1/analytics/group-buys/" + deal, token("analyst-1", "analyst"), null);

        assertThat(groups.headers().firstValue("X-Read-Model-Position")).hasValueSatisfying(
                value -> assertThat(value).startsWith("group-cache="));
        assertThat(figures.statusCode()).isEqualTo(404);
        assertThat(figures.headers().firstValue("X-Read-Model-Position")).hasValueSatisfying(
                value -> assertThat(value).startsWith("group-buys="));
    }

    @Test
    void the_groups_are_read_from_the_generation_the_pointer_names_and_none_are_listed_while_there_is_none()
            throws Exception {
        Instant now = Instant.now();
        String current = cacheGroup("OPEN", now.plusSeconds(600), 1);
        cacheGroupIn(GENERATION + 1, unique("group"), "OPEN", now.plusSeconds(300), 2);
        String customer = token(unique("u"), "customer");

        assertThat(texts(get("/api/v1/group-buys/" + deal + "/groups?status=OPEN", customer).body().get("items"),
                "groupId")).containsExactly(current);
        redis.getBucket(RedisKeys.groupCacheGeneration(), StringCodec.INSTANCE).delete();
        Answer none = get("/api/v1/group-buys/" + deal + "/groups?status=OPEN", customer);
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.body().get("items").size()).isZero();
    }

    @Test
    void customers_find_the_deals_running_now_with_the_groups_they_can_still_join() throws Exception {
        Instant now = Instant.now();
        String running = storeDeal(now.minusSeconds(60), now.plus(Duration.ofDays(1)));
        String notYet = storeDeal(now.plusSeconds(600), now.plus(Duration.ofDays(1)));
        String over = storeDeal(now.minus(Duration.ofDays(2)), now.minusSeconds(60));
        storeGroupOf(running, "OPEN", 1, now.plusSeconds(600));
        storeGroupOf(running, "OPEN", 2, now.plusSeconds(900));
        storeGroupOf(running, "OPEN", 3, now.plusSeconds(600));
        storeGroupOf(running, "OPEN", 1, now.minusSeconds(1));
        storeGroupOf(running, "COMPLETED", 3, now.plusSeconds(600));

        Answer answer = get("/api/v1/group-buys?limit=200", token(unique("u"), "customer"));

        assertThat(answer.status()).isEqualTo(200);
        List<String> listed = answer.body().get("items").findValuesAsString("groupBuyId");
        assertThat(listed).contains(running).doesNotContain(notYet, over);
        JsonNode deal = answer.body().get("items").get(listed.indexOf(running));
        assertThat(deal.get("joinableGroups").asLong()).as("open, not full, window not over").isEqualTo(2);
        assertThat(deal.get("groupSize").asInt()).isEqualTo(3);
        assertThat(deal.get("groupPriceCents").asLong()).isEqualTo(300);
        assertThat(deal.get("happyHours").isNull()).isTrue();
        assertThat(deal.get("opensGroupsNow").asBoolean()).isTrue();
        assertThat(deal.get("allowedOptions").isEmpty()).as("the standard make").isTrue();
    }

    @Test
    void a_deal_with_options_lists_the_groups_its_members_may_choose_in() throws Exception {
        Instant now = Instant.now();
        String deal = storeDeal(now.minusSeconds(60), now.plus(Duration.ofDays(1)));
        readModel.sql("UPDATE group_buy SET allowed_options = ? WHERE group_buy_id = ?")
                .params("[\"sugar\",\"toppings\"]", deal).update();

        JsonNode items = get("/api/v1/group-buys?limit=200", token(unique("u"), "customer")).body().get("items");

        JsonNode listed = items.get(items.findValuesAsString("groupBuyId").indexOf(deal));
        assertThat(listed.get("allowedOptions").toString()).isEqualTo("[\"sugar\",\"toppings\"]");
    }

    @Test
    void a_happy_hour_deal_shows_its_hours_and_whether_groups_open_now() throws Exception {
        Instant now = Instant.now();
        String always = storeDeal(now.minusSeconds(60), now.plus(Duration.ofDays(1)));
        String never = storeDeal(now.minusSeconds(60), now.plus(Duration.ofDays(1)));
        java.time.ZonedDateTime utc = now.atZone(java.time.ZoneOffset.UTC);
        String everyDay = "[\"MONDAY\",\"TUESDAY\",\"WEDNESDAY\",\"THURSDAY\",\"FRIDAY\",\"SATURDAY\",\"SUNDAY\"]";
        happyHours(always, "{\"days\":" + everyDay + ",\"from\":\"%s\",\"to\":\"%s\",\"timeZone\":\"UTC\"}"
                .formatted(utc.minusHours(1).toLocalTime().withSecond(0).withNano(0).toString().substring(0, 5),
                        utc.plusHours(1).toLocalTime().toString().substring(0, 5)));
        happyHours(never, "{\"days\":[\"%s\"],\"from\":\"00:00\",\"to\":\"23:59\",\"timeZone\":\"UTC\"}"
                .formatted(utc.getDayOfWeek().plus(3)));

        JsonNode items = get("/api/v1/group-buys?limit=200", token(unique("u"), "customer")).body().get("items");
        List<String> listed = items.findValuesAsString("groupBuyId");

        JsonNode open = items.get(listed.indexOf(always));
        assertThat(open.get("happyHours").get("timeZone").asString()).isEqualTo("UTC");
        assertThat(open.get("opensGroupsNow").asBoolean()).isTrue();
        assertThat(items.get(listed.indexOf(never)).get("opensGroupsNow").asBoolean()).isFalse();
    }

    private void happyHours(String dealId, String json) {
        readModel.sql("UPDATE group_buy SET happy_hours = ? WHERE group_buy_id = ?").params(json, dealId).update();
    }

    private String storeDeal(Instant startsAt, Instant endsAt) {
        String id = unique("listed-deal");
        readModel.sql("""
                        INSERT INTO group_buy (group_buy_id, sku, category, group_price_cents, group_size,
                                               window_seconds, starts_at, ends_at, last_sequence, last_event_at)
                        VALUES (:id, 'TEA', 'tea', 300, 3, 600, :startsAt, :endsAt, 0, now())""")
                .param("id", id).param("startsAt", Timestamp.from(startsAt)).param("endsAt", Timestamp.from(endsAt))
                .update();
        return id;
    }

    private void storeGroupOf(String dealId, String status, int members, Instant expiresAt) {
        readModel.sql("""
                        INSERT INTO group_buy_group (group_id, group_buy_id, group_size, status, members, joins,
                                                     paid_members, opened_by, opened_at, expires_at, last_sequence,
                                                     last_event_at)
                        VALUES (:id, :deal, 3, :status, :members, :members, 0, 'u1', now(), :expiresAt, 1, now())""")
                .param("id", unique("group")).param("deal", dealId).param("status", status)
                .param("members", members).param("expiresAt", Timestamp.from(expiresAt)).update();
    }

    @Test
    void an_analyst_reads_a_deals_groups_by_outcome_and_its_members() throws Exception {
        readModel.sql("""
                        INSERT INTO group_buy (group_buy_id, sku, category, group_price_cents, group_size,
                                               window_seconds, starts_at, ends_at, last_sequence, last_event_at)
                        VALUES (:id, 'TEA', 'tea', 300, 3, 600, :at, :at, 0, :at)""")
                .param("id", deal).param("at", Timestamp.from(NOON)).update();
        storeGroup("COMPLETED", 3, 4, 3);
        storeGroup("FAILED", 1, 2, 1);
        storeGroup("FAILED", 2, 2, 0);
        storeGroup("OPEN", 1, 1, 0);

        Answer answer = get("/api/v1/analytics/group-buys/" + deal, token("analyst-1", "analyst"));

        assertThat(answer.status()).isEqualTo(200);
        JsonNode stats = answer.body();
        assertThat(stats.get("groupsOpened").asLong()).isEqualTo(4);
        assertThat(stats.get("groupsCompleted").asLong()).isEqualTo(1);
        assertThat(stats.get("groupsFailed").asLong()).isEqualTo(2);
        assertThat(stats.get("groupsOpen").asLong()).isEqualTo(1);
        assertThat(stats.get("membersJoined").asLong()).isEqualTo(9);
        assertThat(stats.get("membersNow").asLong()).isEqualTo(7);
        assertThat(stats.get("membersPaid").asLong()).isEqualTo(4);
        assertThat(stats.get("completionRate").asDouble()).isEqualTo(1.0 / 3);
        assertThat(stats.get("groupSize").asInt()).isEqualTo(3);
    }

    @Test
    void deal_analytics_are_for_analysts_and_unknown_deals_are_404() throws Exception {
        assertProblem(get("/api/v1/analytics/group-buys/" + deal, token(unique("u"), "customer")), 403,
                "FORBIDDEN");
        assertProblem(get("/api/v1/analytics/group-buys/" + deal, token("analyst-1", "analyst")), 404, "NOT_FOUND");
    }

    /** A group of the deal in generation {@link #GENERATION}, which the pointer then names. */
    private String cacheGroup(String status, Instant expiresAt, int members) {
        String groupId = unique("group");
        redis.getBucket(RedisKeys.groupCacheGeneration(), StringCodec.INSTANCE).set(Long.toString(GENERATION));
        cacheGroupIn(GENERATION, groupId, status, expiresAt, members);
        return groupId;
    }

    private void cacheGroupIn(long generation, String groupId, String status, Instant expiresAt, int members) {
        redis.<String, String>getMap(RedisKeys.group(generation, groupId), StringCodec.INSTANCE).putAll(Map.of(
                "groupId", groupId, "groupBuyId", deal, "sku", "TEA", "groupPriceCents", "300", "groupSize", "3",
                "members", Integer.toString(members), "paidMembers", "0", "status", status,
                "openedAt", expiresAt.minusSeconds(600).toString(),
                "expiresAt", Long.toString(expiresAt.toEpochMilli())));
        redis.<String>getScoredSortedSet(RedisKeys.groupsOf(generation, deal, status), StringCodec.INSTANCE)
                .add(expiresAt.toEpochMilli(), groupId);
    }

    private void storeGroup(String status, int members, int joins, int paid) {
        readModel.sql("""
                        INSERT INTO group_buy_group (group_id, group_buy_id, group_size, status, members, joins,
                                                     paid_members, opened_by, opened_at, expires_at, last_sequence,
                                                     last_event_at)
                        VALUES (:id, :deal, 3, :status, :members, :joins, :paid, 'u1', :at, :at, 5, :at)""")
                .param("id", unique("group")).param("deal", deal).param("status", status)
                .param("members", members).param("joins", joins).param("paid", paid)
                .param("at", Timestamp.from(NOON)).update();
    }
}
