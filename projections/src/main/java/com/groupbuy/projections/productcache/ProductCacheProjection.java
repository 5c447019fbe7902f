package com.groupbuy.projections.productcache;

import com.groupbuy.contract.RedisKeys;
import com.groupbuy.events.DomainEvent;
import com.groupbuy.events.EventRecord;
import com.groupbuy.events.product.ProductRegistered;
import com.groupbuy.events.product.StockAdjusted;
import com.groupbuy.projections.consumer.Projection;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The hot product view in Redis, one hash per product. Each event is applied by one Lua script that first checks
 * the sequence stored in the hash, so applying and recording the position happen atomically and a redelivered
 * event changes nothing.
 */
@Component
class ProductCacheProjection implements Projection {

    /** KEYS[1] product hash; ARGV[1] sequence; ARGV[2] stock delta; ARGV[3..] field/value pairs to set. */
    private static final String APPLY_ONCE = """
            local last = tonumber(redis.call('HGET', KEYS[1], 'sequence') or '-1')
            local sequence = tonumber(ARGV[1])
            if sequence <= last then return 0 end
            if #ARGV > 3 then redis.call('HSET', KEYS[1], unpack(ARGV, 4)) end
            redis.call('HINCRBY', KEYS[1], 'availableStock', tonumber(ARGV[2]))
            redis.call('HSET', KEYS[1], 'sequence', ARGV[1], 'updatedAt', ARGV[3])
            return 1
            """;

    private final RScript script;

    ProductCacheProjection(RedissonClient redis) {
        this.script = redis.getScript(StringCodec.INSTANCE);
    }

    @Override
    public String name() {
        return "product-cache";
    }

    @Override
    public void apply(EventRecord record, DomainEvent event) {
        switch (event) {
            case ProductRegistered registered -> applyOnce(record, registered.initialStock(),
                    "sku", registered.sku(),
                    "name", registered.name(),
                    "category", registered.category(),
                    "priceCents", Long.toString(registered.priceCents()));
            case StockAdjusted adjusted -> applyOnce(record, adjusted.delta());
            default -> {
            }
        }
    }

    private void applyOnce(EventRecord record, int stockDelta, String... fields) {
        Object[] args = new Object[3 + fields.length];
        args[0] = Long.toString(record.sequence());
        args[1] = Integer.toString(stockDelta);
        args[2] = record.occurredAt().toString();
        System.arraycopy(fields, 0, args, 3, fields.length);
        script.eval(RScript.Mode.READ_WRITE, APPLY_ONCE, RScript.ReturnType.LONG,
                List.of(RedisKeys.product(record.aggregateId())), args);
    }
}
