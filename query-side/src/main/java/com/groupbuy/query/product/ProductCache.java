package com.groupbuy.query.product;

import com.groupbuy.contract.RedisKeys;
import com.groupbuy.query.RememberedPointer;
import org.redisson.api.RBatch;
import org.redisson.api.RMapAsync;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the product hashes the product-cache projection keeps in Redis, in the generation its pointer names
 * (none while the projection rebuilds a Redis that came back empty). A single product, the hottest read, goes by the
 * generation looked up at most 200 ms before ({@link RememberedPointer}).
 */
@Component
class ProductCache {

    private final RedissonClient redis;
    private final RememberedPointer pointer;
    private final Clock clock = Clock.systemUTC();

    ProductCache(RedissonClient redis) {
        this.redis = redis;
        this.pointer = new RememberedPointer(redis, RedisKeys.productCacheGeneration(), Duration.ofMillis(200));
    }

    Optional<ProductView> find(String sku) {
        Optional<Long> generation = pointer.generation();
        if (generation.isEmpty()) {
            return Optional.empty();
        }
        Optional<ProductView> found = toView(sku, read(generation.get(), sku));
        if (found.isEmpty()) {
            Optional<Long> now = pointer.current();
            if (now.isPresent() && !now.equals(generation)) {
                return toView(sku, read(now.get(), sku));
            }
        }
        return found;
    }

    private Map<String, String> read(long generation, String sku) {
        return redis.<String, String>getMap(RedisKeys.product(generation, sku), StringCodec.INSTANCE).readAllMap();
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
        return pointer.current();
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
