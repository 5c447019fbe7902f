package com.groupbuy.projections.flashsales;

import com.groupbuy.contract.RedisKeys;
import com.groupbuy.events.AggregateType;
import com.groupbuy.events.flashsale.FlashSaleEnded;
import com.groupbuy.events.flashsale.FlashSaleEvent;
import com.groupbuy.events.flashsale.FlashSaleScheduled;
import com.groupbuy.events.flashsale.FlashSaleUnitsReserved;
import com.groupbuy.events.flashsale.FlashSaleUnitsReturned;
import com.groupbuy.projections.consumer.DecodedEvent;
import com.groupbuy.projections.consumer.Projection;
import com.groupbuy.projections.maintenance.GenerationalRedisProjection;
import com.groupbuy.projections.maintenance.RedisGenerations;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The storefront's view of each flash sale in Redis, one hash per sale. {@code remaining} is the event-sourced
 * sale's own count, carried by every event that moves it (units reserved by orders, units given back, the end),
 * so the hash shows exactly what the sale had after the last event applied. One Lua script per event checks the
 * stored sequence first: a redelivered event changes nothing. A poll's scripts go to Redis in one pipeline.
 *
 * <p>The hashes live in generations ({@link RedisKeys#flashSaleCacheGeneration()}, {@link RedisGenerations}): the
 * live projection writes only the generation the pointer names, and waits while the pointer is missing.
 */
@Component
class FlashSaleCacheProjection extends GenerationalRedisProjection {

    /**
     * KEYS[2] the sale's hash; ARGV[2] sequence; ARGV[3] occurredAt; ARGV[4..] field/value pairs to set (KEYS[1]
     * and ARGV[1]: {@link RedisGenerations.Script}).
     */
    private static final RedisGenerations.Script APPLY_ONCE = RedisGenerations.script("""
            local last = tonumber(redis.call('HGET', KEYS[2], 'sequence') or '-1')
            if tonumber(ARGV[2]) <= last then return 0 end
            redis.call('HSET', KEYS[2], 'sequence', ARGV[2], 'updatedAt', ARGV[3], unpack(ARGV, 4))
            return 1
            """);

    @Autowired
    FlashSaleCacheProjection(RedissonClient redis) {
        this(new RedisGenerations(redis, RedisKeys.flashSaleCacheGeneration(), "the flash-sale cache"),
                RedisGenerations.LIVE);
    }

    private FlashSaleCacheProjection(RedisGenerations generations, long generation) {
        super(generations, generation);
    }

    @Override
    public String name() {
        return "flash-sale-cache";
    }

    @Override
    public Set<AggregateType> sources() {
        return Set.of(AggregateType.FLASH_SALE);
    }

    @Override
    protected void write(DecodedEvent decoded, RedisGenerations.Pipeline pipeline) {
        if (decoded.event() instanceof FlashSaleEvent event) {
            List<String> args = new ArrayList<>(List.of(Long.toString(decoded.record().sequence()),
                    decoded.record().occurredAt().toString()));
            args.addAll(fieldsOf(event));
            pipeline.eval(APPLY_ONCE, List.of(RedisKeys.flashSale(pipeline.generation(), event.flashSaleId())),
                    args);
        }
    }

    @Override
    public Projection writingTo(long generation) {
        return new FlashSaleCacheProjection(generations(), generation);
    }

    @Override
    public String keyPrefix(long generation) {
        return RedisKeys.flashSalesOf(generation);
    }

    private static List<String> fieldsOf(FlashSaleEvent event) {
        return switch (event) {
            case FlashSaleScheduled scheduled -> List.of(
                    "flashSaleId", scheduled.flashSaleId(),
                    "sku", scheduled.sku(),
                    "priceCents", Long.toString(scheduled.priceCents()),
                    "quantity", Integer.toString(scheduled.quantity()),
                    "perUserLimit", Integer.toString(scheduled.perUserLimit()),
                    "startsAt", scheduled.startsAt().toString(),
                    "endsAt", scheduled.endsAt().toString(),
                    "remaining", Integer.toString(scheduled.quantity()),
                    "ended", "false");
            case FlashSaleUnitsReserved reserved -> List.of("remaining", Integer.toString(reserved.remaining()));
            case FlashSaleUnitsReturned returned -> List.of("remaining", Integer.toString(returned.remaining()));
            case FlashSaleEnded ended -> List.of("remaining", "0", "ended", "true");
        };
    }
}
