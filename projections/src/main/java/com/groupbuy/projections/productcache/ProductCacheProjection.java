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
import com.groupbuy.projections.consumer.DecodedEvent;
import com.groupbuy.projections.consumer.Projection;
import com.groupbuy.projections.consumer.ReadModelUnavailableException;
import com.groupbuy.projections.maintenance.RedisReadModel;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RScriptAsync;
import org.springframework.beans.factory.annotation.Autowired;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The hot product view in Redis, one hash per product, with {@code availableStock} = {@code onHand} −
 * {@code reserved} (units held for unpaid orders). Each event is applied by one Lua script that first checks the
 * sequence stored in the hash, so applying and recording the position happen atomically and a redelivered event
 * changes nothing. A poll's scripts go to Redis in one pipeline.
 *
 * <p>The hashes live in generations ({@link RedisKeys#productCacheGeneration()}). The live projection writes the
 * current generation only: its script checks the pointer, so nothing lands in a generation a rebuild replaced.
 * While the pointer is missing (Redis lost the cache) it writes nothing and does not move on: it waits for the
 * rebuild from offset 0 that the missing pointer starts, then goes on from where it was.
 */
@Component
class ProductCacheProjection implements Projection, RedisReadModel {

    /** Writes into the generation the pointer names. */
    private static final long LIVE = -1;
    private static final long GENERATION_MOVED = -1;

    /**
     * KEYS[1] generation pointer; KEYS[2] product hash; ARGV[1] the generation KEYS[2] belongs to, or '' to write
     * whatever the pointer says; ARGV[2] sequence; ARGV[3] occurredAt; ARGV[4..6] changes of availableStock, onHand
     * and reserved; ARGV[7..] field/value pairs to set.
     */
    private static final String APPLY_ONCE = """
            if ARGV[1] ~= '' and redis.call('GET', KEYS[1]) ~= ARGV[1] then return -1 end
            local last = tonumber(redis.call('HGET', KEYS[2], 'sequence') or '-1')
            local sequence = tonumber(ARGV[2])
            if sequence <= last then return 0 end
            if #ARGV > 6 then redis.call('HSET', KEYS[2], unpack(ARGV, 7)) end
            redis.call('HINCRBY', KEYS[2], 'availableStock', tonumber(ARGV[4]))
            redis.call('HINCRBY', KEYS[2], 'onHand', tonumber(ARGV[5]))
            redis.call('HINCRBY', KEYS[2], 'reserved', tonumber(ARGV[6]))
            redis.call('HSET', KEYS[2], 'sequence', ARGV[2], 'updatedAt', ARGV[3])
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

    private final RedissonClient redis;
    private final long generation;
    private volatile Long liveGeneration;

    @Autowired
    ProductCacheProjection(RedissonClient redis) {
        this(redis, LIVE);
    }

    private ProductCacheProjection(RedissonClient redis, long generation) {
        this.redis = redis;
        this.generation = generation;
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
        applyAll(List.of(new DecodedEvent(record, event)));
    }

    @Override
    public void applyAll(List<DecodedEvent> events) {
        if (generation != LIVE) {
            run(events, generation, "");
            return;
        }
        Long target = liveGeneration;
        for (int attempt = 0; attempt < 3; attempt++) {
            if (target == null) {
                target = currentGeneration().orElse(null);
                liveGeneration = target;
                if (target == null) {
                    throw new ReadModelUnavailableException("the product cache is missing in Redis; the live "
                            + "consumer waits for its rebuild from Kafka");
                }
            }
            if (run(events, target, Long.toString(target))) {
                return;
            }
            target = null;
        }
        throw new IllegalStateException("the product cache generation keeps moving");
    }

    /** One pipeline of scripts; false when the pointer no longer named {@code target} (nothing then changed). */
    private boolean run(List<DecodedEvent> events, long target, String expected) {
        RBatch batch = redis.createBatch();
        RScriptAsync script = batch.getScript(StringCodec.INSTANCE);
        List<RFuture<Long>> results = new ArrayList<>(events.size());
        for (DecodedEvent decoded : events) {
            if (decoded.event() instanceof ProductEvent event) {
                results.add(script.evalAsync(RScript.Mode.READ_WRITE, APPLY_ONCE, RScript.ReturnType.LONG,
                        List.of(RedisKeys.productCacheGeneration(),
                                RedisKeys.product(target, decoded.record().aggregateId())),
                        arguments(decoded.record(), expected, StockChange.of(event), fieldsOf(event))));
            }
        }
        if (results.isEmpty()) {
            return true;
        }
        batch.execute();
        return results.stream().noneMatch(r -> r.toCompletableFuture().join() == GENERATION_MOVED);
    }

    @Override
    public Optional<Long> currentGeneration() {
        String value = redis.<String>getBucket(RedisKeys.productCacheGeneration(), StringCodec.INSTANCE).get();
        return Optional.ofNullable(value).map(Long::parseLong);
    }

    @Override
    public Projection writingTo(long generation) {
        return new ProductCacheProjection(redis, generation);
    }

    @Override
    public void switchTo(long generation) {
        redis.<String>getBucket(RedisKeys.productCacheGeneration(), StringCodec.INSTANCE)
                .set(Long.toString(generation));
        liveGeneration = generation;
    }

    @Override
    public String keyPrefix(long generation) {
        return RedisKeys.productsOf(generation);
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

    private static Object[] arguments(EventRecord record, String expected, StockChange change, String... fields) {
        Object[] args = new Object[6 + fields.length];
        args[0] = expected;
        args[1] = Long.toString(record.sequence());
        args[2] = record.occurredAt().toString();
        args[3] = Long.toString(change.available());
        args[4] = Long.toString(change.onHand());
        args[5] = Long.toString(change.reserved());
        System.arraycopy(fields, 0, args, 6, fields.length);
        return args;
    }
}
