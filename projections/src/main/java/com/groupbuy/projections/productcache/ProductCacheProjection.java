package com.groupbuy.projections.productcache;

import com.groupbuy.contract.RedisKeys;
import com.groupbuy.events.AggregateType;
import com.groupbuy.events.EventRecord;
import com.groupbuy.events.product.ProductBackOnSale;
import com.groupbuy.events.product.ProductDelisted;
import com.groupbuy.events.product.ProductEvent;
import com.groupbuy.events.product.ProductMarkedSoldOut;
import com.groupbuy.events.product.ProductOptionsChanged;
import com.groupbuy.events.product.ProductRecategorised;
import com.groupbuy.events.product.ProductRegistered;
import com.groupbuy.events.product.ProductRelisted;
import com.groupbuy.events.product.ProductRenamed;
import com.groupbuy.events.product.ProductRepriced;
import com.groupbuy.events.product.StockAdjusted;
import com.groupbuy.events.product.StockCommitted;
import com.groupbuy.events.product.StockReleased;
import com.groupbuy.events.product.StockReserved;
import com.groupbuy.events.product.StockReturned;
import com.groupbuy.events.product.StockSetAside;
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
class ProductCacheProjection extends GenerationalRedisProjection {

    /**
     * KEYS[2] product hash; ARGV[2] sequence; ARGV[3] occurredAt; ARGV[4..6] changes of availableStock, onHand and
     * reserved; ARGV[7..] field/value pairs to set (KEYS[1] and ARGV[1]: {@link RedisGenerations.Script}).
     */
    private static final RedisGenerations.Script APPLY_ONCE = RedisGenerations.script("""
            local last = tonumber(redis.call('HGET', KEYS[2], 'sequence') or '-1')
            local sequence = tonumber(ARGV[2])
            if sequence <= last then return 0 end
            if #ARGV > 6 then redis.call('HSET', KEYS[2], unpack(ARGV, 7)) end
            redis.call('HINCRBY', KEYS[2], 'availableStock', tonumber(ARGV[4]))
            redis.call('HINCRBY', KEYS[2], 'onHand', tonumber(ARGV[5]))
            redis.call('HINCRBY', KEYS[2], 'reserved', tonumber(ARGV[6]))
            redis.call('HSET', KEYS[2], 'sequence', ARGV[2], 'updatedAt', ARGV[3])
            return 1
            """);

    /** How one event moves the three stock counters. */
    private record StockChange(long available, long onHand, long reserved) {

        static final StockChange NONE = new StockChange(0, 0, 0);

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
                case ProductRepriced repriced -> NONE;
                case ProductRenamed renamed -> NONE;
                case ProductRecategorised moved -> NONE;
                case ProductMarkedSoldOut soldOut -> NONE;
                case ProductBackOnSale backOnSale -> NONE;
                case ProductDelisted delisted -> NONE;
                case ProductRelisted relisted -> NONE;
                case ProductOptionsChanged optionsChanged -> NONE;
            };
        }
    }

    @Autowired
    ProductCacheProjection(RedissonClient redis) {
        this(new RedisGenerations(redis, RedisKeys.productCacheGeneration(), "the product cache"),
                RedisGenerations.LIVE);
    }

    private ProductCacheProjection(RedisGenerations generations, long generation) {
        super(generations, generation);
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
    protected void write(DecodedEvent decoded, RedisGenerations.Pipeline pipeline) {
        if (decoded.event() instanceof ProductEvent event) {
            EventRecord record = decoded.record();
            StockChange change = StockChange.of(event);
            List<String> args = new ArrayList<>(List.of(Long.toString(record.sequence()),
                    record.occurredAt().toString(), Long.toString(change.available()),
                    Long.toString(change.onHand()), Long.toString(change.reserved())));
            args.addAll(fieldsOf(event, record));
            pipeline.eval(APPLY_ONCE, List.of(RedisKeys.product(pipeline.generation(), record.aggregateId())),
                    args);
        }
    }

    @Override
    public Projection writingTo(long generation) {
        return new ProductCacheProjection(generations(), generation);
    }

    @Override
    public String keyPrefix(long generation) {
        return RedisKeys.productsOf(generation);
    }

    /**
     * The descriptive fields an event sets besides the stock: the menu's {@code name}, {@code category},
     * {@code priceCents}, {@code soldOutUntil} (empty while on sale), {@code delisted} ({@code 1} or {@code 0}) and
     * {@code optionGroups} (the JSON array of the event, as it came).
     */
    private static List<String> fieldsOf(ProductEvent event, EventRecord record) {
        return switch (event) {
            case ProductRegistered registered -> List.of(
                    "sku", registered.sku(),
                    "name", registered.name(),
                    "category", registered.category(),
                    "priceCents", Long.toString(registered.priceCents()));
            case ProductRepriced repriced -> List.of("priceCents", Long.toString(repriced.priceCents()));
            case ProductRenamed renamed -> List.of("name", renamed.name());
            case ProductRecategorised moved -> List.of("category", moved.category());
            case ProductMarkedSoldOut soldOut -> List.of("soldOutUntil", soldOut.until().toString());
            case ProductBackOnSale backOnSale -> List.of("soldOutUntil", "");
            case ProductDelisted delisted -> List.of("delisted", "1");
            case ProductRelisted relisted -> List.of("delisted", "0");
            case ProductOptionsChanged optionsChanged ->
                    List.of("optionGroups", record.payload().path("optionGroups").toString());
            default -> List.of();
        };
    }
}
