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
 * A per-customer limit on the crowd endpoints: at most {@code limit} requests per {@code window}, counted in Redis so
 * every api process shares the count. A fixed window, one script (count and expiry) per request.
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
    private final int limit;
    private final Duration window;

    public CrowdRateLimiter(RedissonClient redis, Clock clock, int limit, Duration window) {
        this.scripts = redis.getScript(StringCodec.INSTANCE);
        this.clock = clock;
        this.limit = limit;
        this.window = window;
    }

    /** Counts one request of {@code userId}; refuses it with how long to wait when it is over the limit. */
    public void acquire(String userId) {
        tryAcquire(userId).ifPresent(wait -> {
            throw new RateLimitedException(wait);
        });
    }

    /** Counts one request of {@code userId}; answers how long to wait when it is over the limit. */
    public Optional<Duration> tryAcquire(String userId) {
        long windowNumber = clock.millis() / window.toMillis();
        long waitMillis = scripts.eval(RScript.Mode.READ_WRITE, COUNT, RScript.ReturnType.LONG,
                List.of(RedisKeys.rateWindow(userId, windowNumber)), Integer.toString(limit),
                Long.toString(window.toMillis()));
        return waitMillis == 0 ? Optional.empty() : Optional.of(Duration.ofMillis(waitMillis));
    }
}
