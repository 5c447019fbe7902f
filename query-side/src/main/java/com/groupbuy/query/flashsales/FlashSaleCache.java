package com.groupbuy.query.flashsales;

import com.groupbuy.contract.RedisKeys;
import com.groupbuy.query.RedisPointer;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the flash-sale hashes the flash-sale-cache projection keeps in Redis, in the generation its pointer names
 * (none while the projection rebuilds a Redis that came back empty).
 */
@Component
class FlashSaleCache {

    private final RedissonClient redis;
    private final Clock clock = Clock.systemUTC();

    FlashSaleCache(RedissonClient redis) {
        this.redis = redis;
    }

    Optional<FlashSaleView> find(String flashSaleId) {
        Optional<Long> generation = RedisPointer.generation(redis, RedisKeys.flashSaleCacheGeneration());
        if (generation.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> hash = redis.<String, String>getMap(RedisKeys.flashSale(generation.get(), flashSaleId),
                StringCodec.INSTANCE).readAllMap();
        if (!hash.containsKey("sku")) {
            return Optional.empty();
        }
        Instant startsAt = Instant.parse(hash.get("startsAt"));
        Instant endsAt = Instant.parse(hash.get("endsAt"));
        boolean ended = Boolean.parseBoolean(hash.get("ended"));
        return Optional.of(new FlashSaleView(flashSaleId, hash.get("sku"), Long.parseLong(hash.get("priceCents")),
                Integer.parseInt(hash.get("quantity")), Integer.parseInt(hash.get("perUserLimit")),
                Integer.parseInt(hash.get("remaining")), startsAt, endsAt,
                FlashSaleStatus.of(startsAt, endsAt, ended, clock.instant())));
    }
}
