package com.groupbuy.command.infrastructure.ratelimit;

import com.groupbuy.contract.RedisKeys;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A per-customer limit on the crowd endpoints of group buys (opening and joining groups): at most
 * {@link RateLimit#requests()} per window, counted in Redis so every api process shares the count. A fixed window, one
 * script (count and expiry) per request. Flash-sale purchases count theirs inside the gate's admission script
 * ({@code FlashSaleGate}), so that a purchase costs one round trip to Redis.
 */
public class CrowdRateLimiter {

    /** KEYS counter; ARGV limit, window (ms). Answers 0 when allowed, else the ms until the window ends. */
    private static final String COUNT = """
            local n = redis.call('INCR', KEYS[1])
            if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
            if n <= tonumber(ARGV[1]) then return 0 end
            local left = redis.call('PTTL', KEYS[1])
            if left < 1 then return 1 end
            return left
            """;

    private final RScript scripts;
    private final Clock clock;
    private final RateLimit limit;

    public CrowdRateLimiter(RedissonClient redis, Clock clock, RateLimit limit) {
        this.scripts = redis.getScript(StringCodec.INSTANCE);
        this.clock = clock;
        this.limit = limit;
    }

    /** Counts one request of {@code userId}; refuses it with how long to wait when it is over the limit. */
    public void acquire(String userId) {
        tryAcquire(userId).ifPresent(wait -> {
            throw new RateLimitedException(wait);
        });
    }

    /** Counts one request of {@code userId}; answers how long to wait when it is over the limit. */
    public Optional<Duration> tryAcquire(String userId) {
        long waitMillis = scripts.eval(RScript.Mode.READ_WRITE, COUNT, RScript.ReturnType.LONG,
                List.of(RedisKeys.rateWindow(userId, limit.windowAt(clock.millis()))),
                Integer.toString(limit.requests()), Long.toString(limit.window().toMillis()));
        return waitMillis == 0 ? Optional.empty() : Optional.of(Duration.ofMillis(waitMillis));
    }
}
