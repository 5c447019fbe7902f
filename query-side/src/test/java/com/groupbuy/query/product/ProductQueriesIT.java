package com.groupbuy.query.product;

import com.groupbuy.contract.RedisKeys;
import com.groupbuy.query.QuerySideTestSupport;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

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
    }

    @Test
    void a_page_of_more_than_100_products_is_400_validation_failed() throws Exception {
        assertProblem(get("/api/v1/products?size=101", token("u1", "customer")), 400, "VALIDATION_FAILED");
    }
}
