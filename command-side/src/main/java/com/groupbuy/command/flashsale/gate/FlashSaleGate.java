package com.groupbuy.command.flashsale.gate;

import com.groupbuy.command.flashsale.model.FlashSaleAllocation;
import com.groupbuy.command.infrastructure.ratelimit.RateLimit;
import com.groupbuy.contract.RedisKeys;
import com.groupbuy.events.groupbuy.HappyHours;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The flash-sale gate: admission at the edge, in Redis, one atomic script per purchase (window, happy hours, units
 * left, the buyer's running total against the per-user limit). Per sale it keeps three keys: the sale (sku, window,
 * the {@code windows} of its happy hours, limit, {@code remaining}, {@code state}), units per buyer, and the admitted
 * orders, so that every change is keyed by order and applied at most once: an admission repeated for the same order
 * admits it again without taking more, and units are given back once per order.
 *
 * <p>The gate is only a fast first answer: the event-sourced flash sale decides. The gate is opened from the sale's
 * events, given units back when orders end unpaid or are rejected, and rebuilt from the sale itself when Redis has
 * lost it ({@link FlashSaleGateRepair}).
 */
public class FlashSaleGate {

    static final String OPEN = "OPEN";
    static final String ENDED = "ENDED";
    static final String SYNCING = "SYNCING";
    static final String NO_SUCH_SALE = "NONE";

    /**
     * KEYS sale, buyers, orders, the buyer's rate window; ARGV now (ms), userId, units, orderId, requests allowed per
     * window, window (ms). Counts the attempt against the buyer's rate limit first, so a purchase is one round trip.
     */
    private static final String ADMIT = """
            local attempts = redis.call('INCR', KEYS[4])
            if attempts == 1 then redis.call('PEXPIRE', KEYS[4], ARGV[6]) end
            if attempts > tonumber(ARGV[5]) then
                local left = redis.call('PTTL', KEYS[4])
                if left < 1 then left = 1 end
                return {'RATE_LIMITED', tostring(left)}
            end
            local s = redis.call('HMGET', KEYS[1], 'state', 'startsAt', 'endsAt', 'remaining', 'perUserLimit', 'sku',
                'windows')
            if not s[1] then return {'UNKNOWN'} end
            if s[1] == 'SYNCING' then return {'SYNCING'} end
            if s[1] == 'NONE' then return {'NO_SUCH_SALE'} end
            if redis.call('HEXISTS', KEYS[3], ARGV[4]) == 1 then return {'ADMITTED', s[6]} end
            local now = tonumber(ARGV[1])
            if s[1] == 'ENDED' or now >= tonumber(s[3]) then return {'ENDED'} end
            if now < tonumber(s[2]) then return {'NOT_STARTED'} end
            local windows = s[7]
            if windows then
                local open = false
                for from, to in string.gmatch(windows, '(%d+),(%d+)') do
                    if now < tonumber(from) then break end
                    if now < tonumber(to) then open = true break end
                end
                if not open then return {'NOT_STARTED'} end
            end
            local units = tonumber(ARGV[3])
            if tonumber(s[4]) < units then return {'SOLD_OUT'} end
            local held = tonumber(redis.call('HGET', KEYS[2], ARGV[2]) or '0')
            if held + units > tonumber(s[5]) then return {'LIMIT_REACHED'} end
            redis.call('HINCRBY', KEYS[1], 'remaining', -units)
            redis.call('HINCRBY', KEYS[2], ARGV[2], units)
            redis.call('HSET', KEYS[3], ARGV[4], ARGV[2] .. ':' .. units)
            return {'ADMITTED', s[6]}
            """;

    /** KEYS sale, buyers, orders; ARGV orderId. Answers the units given back, 0 if none, -1 while syncing. */
    private static final String GIVE_BACK = """
            if redis.call('HGET', KEYS[1], 'state') == 'SYNCING' then return -1 end
            local held = redis.call('HGET', KEYS[3], ARGV[1])
            if not held then return 0 end
            local user, units = string.match(held, '^(.*):(%d+)$')
            units = tonumber(units)
            redis.call('HDEL', KEYS[3], ARGV[1])
            redis.call('HINCRBY', KEYS[1], 'remaining', units)
            if redis.call('HINCRBY', KEYS[2], user, -units) <= 0 then redis.call('HDEL', KEYS[2], user) end
            return units
            """;

    /**
     * KEYS sale; ARGV sku, startsAt, endsAt, perUserLimit, quantity, windows ("" for none). Opens the sale unless
     * the gate knows it.
     */
    private static final String OPEN_SALE = """
            if redis.call('EXISTS', KEYS[1]) == 1 and redis.call('HGET', KEYS[1], 'state') ~= 'NONE' then return 0 end
            redis.call('HSET', KEYS[1], 'sku', ARGV[1], 'startsAt', ARGV[2], 'endsAt', ARGV[3],
                'perUserLimit', ARGV[4], 'remaining', ARGV[5], 'state', 'OPEN')
            if ARGV[6] == '' then redis.call('HDEL', KEYS[1], 'windows')
            else redis.call('HSET', KEYS[1], 'windows', ARGV[6]) end
            redis.call('PERSIST', KEYS[1])
            return 1
            """;

    /** KEYS sale; ARGV state. Sets the state unless the gate is syncing (a sync writes the state at its end). */
    private static final String SET_STATE = """
            if redis.call('HGET', KEYS[1], 'state') == 'SYNCING' then return 0 end
            redis.call('HSET', KEYS[1], 'state', ARGV[1])
            return 1
            """;

    /**
     * KEYS sale; ARGV now (ms), lease (ms). Fences the sale for a sync: admissions answer SYNCING until it ends.
     * Answers the fence token, or nothing when another sync holds a live fence.
     */
    private static final String FENCE = """
            if redis.call('HGET', KEYS[1], 'state') == 'SYNCING' then
                local since = tonumber(redis.call('HGET', KEYS[1], 'syncSince') or '0')
                if tonumber(ARGV[1]) - since < tonumber(ARGV[2]) then return false end
            end
            local token = redis.call('HINCRBY', KEYS[1], 'syncToken', 1)
            redis.call('HSET', KEYS[1], 'state', 'SYNCING', 'syncSince', ARGV[1])
            redis.call('PERSIST', KEYS[1])
            return tostring(token)
            """;

    /**
     * KEYS sale, buyers, orders; ARGV token, sku, startsAt, endsAt, perUserLimit, remaining, state, windows ("" for
     * none), then orderId, userId:units pairs. Replaces the sale's state with the given one if the fence is still
     * ours.
     */
    private static final String LOAD = """
            if redis.call('HGET', KEYS[1], 'syncToken') ~= ARGV[1] then return 0 end
            redis.call('DEL', KEYS[2], KEYS[3])
            if ARGV[8] == '' then redis.call('HDEL', KEYS[1], 'windows')
            else redis.call('HSET', KEYS[1], 'windows', ARGV[8]) end
            for i = 9, #ARGV, 2 do
                redis.call('HSET', KEYS[3], ARGV[i], ARGV[i + 1])
                local user, units = string.match(ARGV[i + 1], '^(.*):(%d+)$')
                redis.call('HINCRBY', KEYS[2], user, tonumber(units))
            end
            redis.call('HSET', KEYS[1], 'sku', ARGV[2], 'startsAt', ARGV[3], 'endsAt', ARGV[4],
                'perUserLimit', ARGV[5], 'remaining', ARGV[6], 'state', ARGV[7])
            return 1
            """;

    /** KEYS sale; ARGV token, ttl (ms). Marks an id the sale does not know, for a while, if the fence is ours. */
    private static final String FORGET = """
            if redis.call('HGET', KEYS[1], 'syncToken') ~= ARGV[1] then return 0 end
            redis.call('HSET', KEYS[1], 'state', 'NONE')
            redis.call('PEXPIRE', KEYS[1], ARGV[2])
            return 1
            """;

    private final RScript scripts;
    private final RedissonClient redis;

    public FlashSaleGate(RedissonClient redis) {
        this.redis = redis;
        this.scripts = redis.getScript(StringCodec.INSTANCE);
    }

    /**
     * Decides one purchase of {@code units} by {@code userId} as order {@code orderId}, at {@code now}, after counting
     * it against the buyer's {@code rate} on this sale.
     */
    public Admission admit(String flashSaleId, String orderId, String userId, int units, Instant now,
                           RateLimit rate) {
        long nowMillis = now.toEpochMilli();
        List<Object> answer = scripts.eval(RScript.Mode.READ_WRITE, ADMIT, RScript.ReturnType.LIST,
                List.of(saleKey(flashSaleId), RedisKeys.flashSaleGateBuyers(flashSaleId),
                        RedisKeys.flashSaleGateOrders(flashSaleId),
                        RedisKeys.flashSaleGateRate(flashSaleId, userId, rate.windowAt(nowMillis))),
                Long.toString(nowMillis), userId, Integer.toString(units), orderId,
                Integer.toString(rate.requests()), Long.toString(rate.window().toMillis()));
        return Admission.of((String) answer.getFirst(), answer.size() > 1 ? (String) answer.get(1) : null);
    }

    /**
     * Gives back the units the gate admitted for an order, once. Answers how many, or empty while the gate is being
     * synced (the caller tries again later: the sync's result may or may not include this order yet).
     */
    public Optional<Integer> giveBack(String flashSaleId, String orderId) {
        long units = scripts.eval(RScript.Mode.READ_WRITE, GIVE_BACK, RScript.ReturnType.LONG,
                keysOf(flashSaleId), orderId);
        return units < 0 ? Optional.empty() : Optional.of((int) units);
    }

    /**
     * Opens a newly scheduled sale, selling only within {@code happyHours} if not null; a gate that already knows the
     * sale keeps what it has.
     */
    public void open(String flashSaleId, String sku, Instant startsAt, Instant endsAt, HappyHours happyHours,
                     int perUserLimit, int quantity) {
        scripts.eval(RScript.Mode.READ_WRITE, OPEN_SALE, RScript.ReturnType.LONG, List.of(saleKey(flashSaleId)),
                sku, Long.toString(startsAt.toEpochMilli()), Long.toString(endsAt.toEpochMilli()),
                Integer.toString(perUserLimit), Integer.toString(quantity), windows(happyHours, startsAt, endsAt));
    }

    /** The sale has ended: every later purchase is refused. */
    public void close(String flashSaleId) {
        scripts.eval(RScript.Mode.READ_WRITE, SET_STATE, RScript.ReturnType.LONG, List.of(saleKey(flashSaleId)),
                ENDED);
    }

    /** Fences the sale for a sync; the token proves the fence is still ours when the sync writes its result. */
    Optional<String> fence(String flashSaleId, Instant now, Duration lease) {
        String token = scripts.eval(RScript.Mode.READ_WRITE, FENCE, RScript.ReturnType.STRING,
                List.of(saleKey(flashSaleId)), Long.toString(now.toEpochMilli()), Long.toString(lease.toMillis()));
        return Optional.ofNullable(token);
    }

    /** What the gate holds for a sale: units left and units per admitted order. */
    GateState state(String flashSaleId) {
        String remaining = redis.<String, String>getMap(saleKey(flashSaleId), StringCodec.INSTANCE).get("remaining");
        Map<String, String> orders = redis.<String, String>getMap(RedisKeys.flashSaleGateOrders(flashSaleId),
                StringCodec.INSTANCE).readAllMap();
        Map<String, Integer> unitsByOrder = new HashMap<>();
        orders.forEach((orderId, held) -> unitsByOrder.put(orderId,
                Integer.parseInt(held.substring(held.lastIndexOf(':') + 1))));
        return new GateState(remaining == null ? null : Integer.parseInt(remaining), unitsByOrder);
    }

    /** Replaces the gate's state of a sale with the sale's own allocation, if the fence is still ours. */
    boolean load(String token, FlashSaleAllocation sale) {
        List<Object> args = new java.util.ArrayList<>(List.of(token, sale.sku(),
                Long.toString(sale.startsAt().toEpochMilli()), Long.toString(sale.endsAt().toEpochMilli()),
                Integer.toString(sale.perUserLimit()), Integer.toString(sale.remaining()),
                sale.ended() ? ENDED : OPEN, windows(sale.happyHours(), sale.startsAt(), sale.endsAt())));
        sale.holdings().forEach((orderId, holding) -> {
            args.add(orderId);
            args.add(holding.userId() + ":" + holding.quantity());
        });
        long loaded = scripts.eval(RScript.Mode.READ_WRITE, LOAD, RScript.ReturnType.LONG,
                keysOf(sale.flashSaleId()), args.toArray());
        return loaded == 1;
    }

    /** Remembers for {@code ttl} that there is no such sale, so unknown ids do not set off one sync after another. */
    void forget(String flashSaleId, String token, Duration ttl) {
        scripts.eval(RScript.Mode.READ_WRITE, FORGET, RScript.ReturnType.LONG, List.of(saleKey(flashSaleId)),
                token, Long.toString(ttl.toMillis()));
    }

    /**
     * The sale's happy hours as the script reads them (Lua knows no time zones): the windows between its start and
     * end as epoch milliseconds, {@code "start,end,start,end,..."} in order ({@code "0,0"} when none falls between
     * them); "" for a sale without happy hours.
     */
    static String windows(HappyHours happyHours, Instant startsAt, Instant endsAt) {
        if (happyHours == null) {
            return "";
        }
        List<HappyHours.Opening> openings = happyHours.openingsBetween(startsAt, endsAt);
        return openings.isEmpty() ? "0,0" : openings.stream()
                .map(opening -> opening.start().toEpochMilli() + "," + opening.end().toEpochMilli())
                .collect(Collectors.joining(","));
    }

    private static String saleKey(String flashSaleId) {
        return RedisKeys.flashSaleGate(flashSaleId);
    }

    private static List<Object> keysOf(String flashSaleId) {
        return List.of(saleKey(flashSaleId), RedisKeys.flashSaleGateBuyers(flashSaleId),
                RedisKeys.flashSaleGateOrders(flashSaleId));
    }

    /** The gate's view of a sale, for comparing with the sale's own. */
    record GateState(Integer remaining, Map<String, Integer> unitsByOrder) {
    }
}
