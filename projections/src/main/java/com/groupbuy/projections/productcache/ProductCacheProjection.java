package com.groupbuy.projections.productcache;

import com.groupbuy.contract.RedisKeys;
import com.groupbuy.events.AggregateType;
import com.groupbuy.events.DomainEvent;
import com.groupbuy.events.EventRecord;
import com.groupbuy.events.product.ProductEvent;
import com.groupbuy.events.product.ProductRegistered;
import com.groupbuy.events.product.StockAdjusted;
import com.groupbuy.events.product.StockCommitted;
import com.groupbuy.events.product.StockReleased;
import com.groupbuy.events.product.StockReserved;
import com.groupbuy.events.product.StockReturned;
import com.groupbuy.events.product.StockSetAside;
import com.groupbuy.projections.consumer.Projection;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.List;

/**
 * The hot product view in Redis, one hash per product, with {@code availableStock} = {@code onHand} −
 * {@code reserved} (units held for unpaid orders). Each event is applied by one Lua script that first checks the
 * sequence stored in the hash, so applying and recording the position happen atomically and a redelivered event
 * changes nothing.
 */
@Component
class ProductCacheProjection implements Projection {

    /**
     * KEYS[1] product hash; ARGV[1] sequence; ARGV[2] occurredAt; ARGV[3..5] changes of availableStock, onHand and
     * reserved; ARGV[6..] field/value pairs to set.
     */
    private static final String APPLY_ONCE = """
            local last = tonumber(redis.call('HGET', KEYS[1], 'sequence') or '-1')
            local sequence = tonumber(ARGV[1])
            if sequence <= last then return 0 end
            if #ARGV > 5 then redis.call('HSET', KEYS[1], unpack(ARGV, 6)) end
            redis.call('HINCRBY', KEYS[1], 'availableStock', tonumber(ARGV[3]))
            redis.call('HINCRBY', KEYS[1], 'onHand', tonumber(ARGV[4]))
            redis.call('HINCRBY', KEYS[1], 'reserved', tonumber(ARGV[5]))
            redis.call('HSET', KEYS[1], 'sequence', ARGV[1], 'updatedAt', ARGV[2])
            return 1
            """;

    /** How one event moves the three stock counters. */
    private record StockChange(long available, long onHand, long reserved) {

        static StockChange of(ProductEvent event) {
            return switch (event) {
                case ProductRegistered registered -> new StockChange(registered.initialStock(),
                        registered.initialStock(), 0);
                case StockAdjusted adjusted -> new StockChange(adjusted.delta(), adjusted.delta(), 0);
                case StockReserved reserved -> new StockChange(-reserved.quantity(), 0, reserved.quantity());
                case StockReleased released -> new StockChange(released.quantity(), 0, -released.quantity());
                case StockCommitted committed -> new StockChange(0, -committed.quantity(), -committed.quantity());
                case StockSetAside setAside -> new StockChange(-setAside.quantity(), -setAside.quantity(), 0);
                case StockReturned returned -> new StockChange(returned.quantity(), returned.quantity(), 0);
            };
        }
    }

    private final RScript script;

    ProductCacheProjection(RedissonClient redis) {
        this.script = redis.getScript(StringCodec.INSTANCE);
    }

    @Override
    public String name() {
        return "product-cache";
    }

    @Override
    public Set<AggregateType> sources() {
        return Set.of(AggregateType.PRODUCT);
    }

    @Override
    public void apply(EventRecord record, DomainEvent event) {
        if (event instanceof ProductEvent productEvent) {
            applyOnce(record, StockChange.of(productEvent), fieldsOf(productEvent));
        }
    }

    /** The descriptive fields an event sets besides the stock. */
    private static String[] fieldsOf(ProductEvent event) {
        if (event instanceof ProductRegistered registered) {
            return new String[] {
                    "sku", registered.sku(),
                    "name", registered.name(),
                    "category", registered.category(),
                    "priceCents", Long.toString(registered.priceCents())};
        }
        return new String[0];
    }

    private void applyOnce(EventRecord record, StockChange change, String... fields) {
        Object[] args = new Object[5 + fields.length];
        args[0] = Long.toString(record.sequence());
        args[1] = record.occurredAt().toString();
        args[2] = Long.toString(change.available());
        args[3] = Long.toString(change.onHand());
        args[4] = Long.toString(change.reserved());
        System.arraycopy(fields, 0, args, 5, fields.length);
        script.eval(RScript.Mode.READ_WRITE, APPLY_ONCE, RScript.ReturnType.LONG,
                List.of(RedisKeys.product(record.aggregateId())), args);
    }
}
