package com.groupbuy.query.product;

import com.groupbuy.contract.RedisKeys;
import com.groupbuy.query.QuerySideTestSupport;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /products/{sku} over real HTTP on the product hash in real Redis. */
class ProductQueriesIT extends QuerySideTestSupport {

    @Autowired
    RedissonClient redis;

    @Test
    void a_product_shows_the_stock_that_is_not_held_for_orders() throws Exception {
        String sku = unique("TEA");
        long generation = 7;
        redis.getBucket(RedisKeys.productCacheGeneration(), StringCodec.INSTANCE).set(Long.toString(generation));
        redis.getMap(RedisKeys.product(generation, sku), StringCodec.INSTANCE).putAll(Map.of(
                "sku", sku, "name", "Milk tea", "category", "tea", "priceCents", "450",
                "availableStock", "7", "onHand", "10", "reserved", "3", "sequence", "4"));

        Answer answer = get("/api/v1/products/" + sku, token("u1", "customer"));

        assertThat(answer.status()).isEqualTo(200);
        JsonNode product = answer.body();
        assertThat(product.get("availableStock").asInt()).isEqualTo(7);
        assertThat(product.get("priceCents").asLong()).isEqualTo(450);
        assertThat(product.get("status").asString()).isEqualTo("ON_SALE");
        assertThat(product.get("optionGroups").isArray()).isTrue();
        assertThat(product.get("optionGroups").isEmpty()).isTrue();
    }

    @Test
    void a_product_read_answered_ahead_of_the_chain_reads_exactly_like_the_controllers_answer() throws Exception {
        String sku = product("Jasmine tea", "tea");
        String token = token("u1", "customer");

        HttpResponse<String> lean = getRaw("/api/v1/products/" + sku, token, null);
        HttpResponse<String> throughTheChain = getRaw("/api/v1/products/" + sku + "?via=controller", token, null);

        assertThat(lean.statusCode()).isEqualTo(200);
        JsonMapper json = JsonMapper.builder().build();
        assertThat(json.readTree(lean.body())).isEqualTo(json.readTree(throughTheChain.body()));
        assertThat(lean.headers().firstValue("X-Read-Model-Position")).isPresent();
        for (String header : List.of("X-Read-Model-Position", "X-Read-Model-Event-Time", "Content-Type",
                "X-Content-Type-Options", "Cache-Control", "Pragma", "Expires", "X-Frame-Options")) {
            assertThat(lean.headers().firstValue(header)).as(header)
                    .isEqualTo(throughTheChain.headers().firstValue(header));
        }
        assertThat(getRaw("/api/v1/products/" + sku, null, null).statusCode()).isEqualTo(401);
        HttpResponse<String> missing = getRaw("/api/v1/products/" + unique("NONE"), token, null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void a_product_read_just_after_a_rebuild_switched_generations_is_found_in_the_new_one() throws Exception {
        String sku = product("Oolong", "tea");
        assertThat(get("/api/v1/products/" + sku, token("u1", "customer")).status()).isEqualTo(200);

        redis.getMap(RedisKeys.product(8, sku), StringCodec.INSTANCE)
                .putAll(redis.<String, String>getMap(RedisKeys.product(7, sku), StringCodec.INSTANCE).readAllMap());
        redis.getBucket(RedisKeys.productCacheGeneration(), StringCodec.INSTANCE).set("8");
        redis.getMap(RedisKeys.product(7, sku), StringCodec.INSTANCE).delete();
        try {
            Answer answer = get("/api/v1/products/" + sku, token("u1", "customer"));

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body().get("name").asString()).isEqualTo("Oolong");
        } finally {
            redis.getBucket(RedisKeys.productCacheGeneration(), StringCodec.INSTANCE).set("7");
        }
    }

    @Test
    void a_drink_shows_its_option_groups_with_what_each_option_adds() throws Exception {
        String sku = product("Milk tea", "milk-tea");
        redis.getMap(RedisKeys.product(7, sku), StringCodec.INSTANCE).put("optionGroups", """
                [{"code":"size","name":"Size","minChoices":1,"maxChoices":1,"options":[
                  {"code":"m","name":"Medium","priceDeltaCents":0,"stockSku":null},
                  {"code":"l","name":"Large","priceDeltaCents":60,"stockSku":null}]}]""");

        JsonNode groups = get("/api/v1/products/" + sku, token("u1", "customer")).body().get("optionGroups");

        assertThat(groups.get(0).get("code").asString()).isEqualTo("size");
        assertThat(groups.get(0).get("minChoices").asInt()).isEqualTo(1);
        assertThat(groups.get(0).get("options").get(1).get("priceDeltaCents").asLong()).isEqualTo(60);
    }

    @Test
    void customers_search_products_by_name_within_a_category_any_case_with_wildcards_taken_literally()
            throws Exception {
        String marker = unique("Mk");
        String peach = product("Peach oolong-" + marker, "tea");
        String latte = product("Iced OOLONG-" + marker + " latte", "tea");
        product("Oolong-" + marker + " soda", "soda");
        product("Jasmine-" + marker, "tea");
        String percent = product("100%_juice " + marker, "juice");
        product("100 juice " + marker, "juice");
        String customer = token("u1", "customer");

        JsonNode teas = get("/api/v1/products?category=tea&q=oolong-" + marker, customer).body();
        JsonNode literal = get("/api/v1/products?q=100%25_juice%20" + marker, customer).body();

        assertThat(teas.get("items").findValuesAsString("sku")).containsExactlyInAnyOrder(peach, latte);
        assertThat(literal.get("items").findValuesAsString("sku")).containsExactly(percent);
        assertProblem(get("/api/v1/products?q=", customer), 400, "VALIDATION_FAILED");
    }

    @Test
    void a_delisted_product_is_left_out_of_the_listing_and_shows_its_status_when_asked_for() throws Exception {
        String marker = unique("Menu");
        String onSale = product("Lychee " + marker, "fruit-tea");
        String delisted = product("Mango " + marker, "fruit-tea");
        readModel.sql("UPDATE catalog_product SET delisted = TRUE WHERE sku = :sku").param("sku", delisted).update();
        redis.getMap(RedisKeys.product(7, delisted), StringCodec.INSTANCE).put("delisted", "1");
        String customer = token("u1", "customer");

        JsonNode listed = get("/api/v1/products?category=fruit-tea&q=" + marker, customer).body();
        JsonNode gone = get("/api/v1/products/" + delisted, customer).body();

        assertThat(listed.get("items").findValuesAsString("sku")).containsExactly(onSale);
        assertThat(listed.get("items").get(0).get("status").asString()).isEqualTo("ON_SALE");
        assertThat(gone.get("status").asString()).isEqualTo("DELISTED");
    }

    @Test
    void a_product_is_sold_out_until_the_end_of_the_day_it_was_marked_for_and_on_sale_after() throws Exception {
        String soldOut = product("Pearl milk tea", "milk-tea");
        String yesterdays = product("Pudding milk tea", "milk-tea");
        String endOfDay = Instant.now().plusSeconds(3600).truncatedTo(ChronoUnit.SECONDS)
                .toString();
        redis.getMap(RedisKeys.product(7, soldOut), StringCodec.INSTANCE).put("soldOutUntil", endOfDay);
        redis.getMap(RedisKeys.product(7, yesterdays), StringCodec.INSTANCE)
                .put("soldOutUntil", Instant.now().minusSeconds(60).toString());
        String customer = token("u1", "customer");

        JsonNode product = get("/api/v1/products/" + soldOut, customer).body();
        JsonNode again = get("/api/v1/products/" + yesterdays, customer).body();

        assertThat(product.get("status").asString()).isEqualTo("SOLD_OUT");
        assertThat(product.get("soldOutUntil").asString()).isEqualTo(endOfDay);
        assertThat(again.get("status").asString()).isEqualTo("ON_SALE");
        assertThat(again.get("soldOutUntil").isNull()).isTrue();
    }

    /** A product in both the catalog (PostgreSQL) and the product cache (Redis, generation 7). */
    private String product(String name, String category) {
        String sku = unique("SKU");
        readModel.sql("""
                        INSERT INTO catalog_product (sku, name, category, price_cents, stock_on_hand, registered_at,
                                                     last_sequence, last_event_at)
                        VALUES (:sku, :name, :category, 450, 10, now(), 0, now())""")
                .param("sku", sku).param("name", name).param("category", category).update();
        redis.getBucket(RedisKeys.productCacheGeneration(), StringCodec.INSTANCE).set("7");
        redis.getMap(RedisKeys.product(7, sku), StringCodec.INSTANCE).putAll(Map.of(
                "sku", sku, "name", name, "category", category, "priceCents", "450",
                "availableStock", "10", "onHand", "10", "reserved", "0", "sequence", "0"));
        return sku;
    }

    @Test
    void a_page_of_more_than_100_products_is_400_validation_failed() throws Exception {
        assertProblem(get("/api/v1/products?size=101", token("u1", "customer")), 400, "VALIDATION_FAILED");
    }
}
