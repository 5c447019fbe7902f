package com.groupbuy.projections.flashsales;

import com.groupbuy.contract.RedisKeys;
import com.groupbuy.events.AggregateType;
import com.groupbuy.events.DomainEvent;
import com.groupbuy.events.EventRecord;
import com.groupbuy.events.flashsale.FlashSaleEnded;
import com.groupbuy.events.flashsale.FlashSaleEvent;
import com.groupbuy.events.flashsale.FlashSaleScheduled;
import com.groupbuy.events.flashsale.FlashSaleUnitsReserved;
import com.groupbuy.events.flashsale.FlashSaleUnitsReturned;
import com.groupbuy.projections.consumer.Projection;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;

/**
 * The storefront's view of each flash sale in Redis, one hash per sale. {@code remaining} is the event-sourced
 * sale's own count, carried by every event that moves it (units reserved by orders, units given back, the end),
 * so the hash shows exactly what the sale had after the last event applied. One Lua script per event checks the
 * stored sequence first: a redelivered event changes nothing.
 */
@Component
class FlashSaleCacheProjection implements Projection {

    /** KEYS[1] the sale's hash; ARGV[1] sequence; ARGV[2] occurredAt; ARGV[3..] field/value pairs to set. */
    private static final String APPLY_ONCE = """
            local last = tonumber(redis.call('HGET', KEYS[1], 'sequence') or '-1')
            if tonumber(ARGV[1]) <= last then return 0 end
            redis.call('HSET', KEYS[1], 'sequence', ARGV[1], 'updatedAt', ARGV[2], unpack(ARGV, 3))
            return 1
            """;

    private final RScript script;

    FlashSaleCacheProjection(RedissonClient redis) {
        this.script = redis.getScript(StringCodec.INSTANCE);
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
    public void apply(EventRecord record, DomainEvent event) {
        if (event instanceof FlashSaleEvent saleEvent) {
            String[] fields = fieldsOf(saleEvent);
            Object[] args = new Object[2 + fields.length];
            args[0] = Long.toString(record.sequence());
            args[1] = record.occurredAt().toString();
            System.arraycopy(fields, 0, args, 2, fields.length);
            script.eval(RScript.Mode.READ_WRITE, APPLY_ONCE, RScript.ReturnType.LONG,
                    List.of(RedisKeys.flashSale(saleEvent.flashSaleId())), args);
        }
    }

    private static String[] fieldsOf(FlashSaleEvent event) {
        return switch (event) {
            case FlashSaleScheduled scheduled -> new String[] {
                    "flashSaleId", scheduled.flashSaleId(),
                    "sku", scheduled.sku(),
                    "priceCents", Long.toString(scheduled.priceCents()),
                    "quantity", Integer.toString(scheduled.quantity()),
                    "perUserLimit", Integer.toString(scheduled.perUserLimit()),
                    "startsAt", scheduled.startsAt().toString(),
                    "endsAt", scheduled.endsAt().toString(),
                    "remaining", Integer.toString(scheduled.quantity()),
                    "ended", "false"};
            case FlashSaleUnitsReserved reserved -> new String[] {"remaining", Integer.toString(reserved.remaining())};
            case FlashSaleUnitsReturned returned -> new String[] {"remaining", Integer.toString(returned.remaining())};
            case FlashSaleEnded ended -> new String[] {"remaining", "0", "ended", "true"};
        };
    }
}
