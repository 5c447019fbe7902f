package com.groupbuy.query.product;

import com.groupbuy.contract.RedisKeys;
import com.groupbuy.query.RedisPointer;
import org.redisson.api.RBatch;
import org.redisson.api.RMapAsync;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the product hashes the product-cache projection keeps in Redis, in the generation its pointer names
 * (none while the projection rebuilds a Redis that came back empty).
 */
@Component
class ProductCache {

    private final RedissonClient redis;
    private final Clock clock = Clock.systemUTC();

    ProductCache(RedissonClient redis) {
        this.redis = redis;
    }

    Optional<ProductView> find(String sku) {
        Optional<Long> generation = generation();
        if (generation.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> hash = redis.<String, String>getMap(RedisKeys.product(generation.get(), sku),
                StringCodec.INSTANCE).readAllMap();
        return toView(sku, hash);
    }

    /** Several products in one round trip, in the order asked; unknown ones are left out. */
    List<ProductView> findAll(List<String> skus) {
        Optional<Long> generation = generation();
        if (generation.isEmpty() || skus.isEmpty()) {
            return List.of();
        }
        RBatch batch = redis.createBatch();
        List<org.redisson.api.RFuture<Map<String, String>>> reads = new ArrayList<>();
        for (String sku : skus) {
            RMapAsync<String, String> map = batch.getMap(RedisKeys.product(generation.get(), sku),
                    StringCodec.INSTANCE);
            reads.add(map.readAllMapAsync());
        }
        batch.execute();
        List<ProductView> views = new ArrayList<>();
        for (int i = 0; i < skus.size(); i++) {
            toView(skus.get(i), reads.get(i).toCompletableFuture().join()).ifPresent(views::add);
        }
        return views;
    }

    private Optional<Long> generation() {
        return RedisPointer.generation(redis, RedisKeys.productCacheGeneration());
    }

    private Optional<ProductView> toView(String sku, Map<String, String> hash) {
        if (hash.isEmpty() || !hash.containsKey("name")) {
            return Optional.empty();
        }
        String until = hash.getOrDefault("soldOutUntil", "");
        Instant soldOutUntil = until.isEmpty() ? null : Instant.parse(until);
        if (soldOutUntil != null && !clock.instant().isBefore(soldOutUntil)) {
            soldOutUntil = null;
        }
        ProductView.MenuStatus status = "1".equals(hash.get("delisted")) ? ProductView.MenuStatus.DELISTED
                : soldOutUntil != null ? ProductView.MenuStatus.SOLD_OUT : ProductView.MenuStatus.ON_SALE;
        return Optional.of(new ProductView(sku, hash.get("name"), hash.get("category"),
                Long.parseLong(hash.get("priceCents")), Integer.parseInt(hash.getOrDefault("availableStock", "0")),
                status, soldOutUntil, hash.getOrDefault("optionGroups", "[]")));
    }
}
