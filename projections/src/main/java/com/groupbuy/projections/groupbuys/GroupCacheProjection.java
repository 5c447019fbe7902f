package com.groupbuy.projections.groupbuys;

import com.groupbuy.contract.RedisKeys;
import com.groupbuy.events.AggregateType;
import com.groupbuy.events.groupbuy.GroupCompleted;
import com.groupbuy.events.groupbuy.GroupEvent;
import com.groupbuy.events.groupbuy.GroupFailed;
import com.groupbuy.events.groupbuy.GroupMemberJoined;
import com.groupbuy.events.groupbuy.GroupMemberLeft;
import com.groupbuy.events.groupbuy.GroupMemberPaid;
import com.groupbuy.events.groupbuy.GroupOpened;
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
 * The groups of each deal in Redis, for storefronts looking for a group to join: a hash per group and, per deal, a
 * set of its groups in each status scored by expiry. One Lua script per event checks the group's sequence first,
 * then sets the fields and moves the group between the status sets, so a redelivered event changes nothing. A
 * poll's scripts go to Redis in one pipeline.
 *
 * <p>Both kinds of keys live in generations under one prefix ({@link RedisKeys#groupCacheGeneration()},
 * {@link RedisGenerations}): the live projection writes only the generation the pointer names, and waits while the
 * pointer is missing.
 */
@Component
class GroupCacheProjection extends GenerationalRedisProjection {

    /**
     * KEYS[2] group hash, KEYS[3] the deal's OPEN set, KEYS[4] the deal's set of the new status; ARGV[2] sequence,
     * ARGV[3] the new status or '', ARGV[4] the group id, ARGV[5..] field/value pairs to set (KEYS[1] and ARGV[1]:
     * {@link RedisGenerations.Script}).
     */
    private static final RedisGenerations.Script APPLY_ONCE = RedisGenerations.script("""
            local last = tonumber(redis.call('HGET', KEYS[2], 'sequence') or '-1')
            if tonumber(ARGV[2]) <= last then return 0 end
            if #ARGV > 4 then redis.call('HSET', KEYS[2], unpack(ARGV, 5)) end
            redis.call('HSET', KEYS[2], 'sequence', ARGV[2])
            if ARGV[3] ~= '' then
                local expires = redis.call('HGET', KEYS[2], 'expiresAt') or '0'
                redis.call('HSET', KEYS[2], 'status', ARGV[3])
                if KEYS[3] ~= KEYS[4] then redis.call('ZREM', KEYS[3], ARGV[4]) end
                redis.call('ZADD', KEYS[4], tonumber(expires), ARGV[4])
            end
            return 1
            """);

    @Autowired
    GroupCacheProjection(RedissonClient redis) {
        this(new RedisGenerations(redis, RedisKeys.groupCacheGeneration(), "the group cache"),
                RedisGenerations.LIVE);
    }

    private GroupCacheProjection(RedisGenerations generations, long generation) {
        super(generations, generation);
    }

    @Override
    public String name() {
        return "group-cache";
    }

    @Override
    public Set<AggregateType> sources() {
        return Set.of(AggregateType.GROUP);
    }

    @Override
    protected void write(DecodedEvent decoded, RedisGenerations.Pipeline pipeline) {
        if (decoded.event() instanceof GroupEvent event) {
            String status = statusAfter(event);
            List<String> args = new ArrayList<>(List.of(Long.toString(decoded.record().sequence()),
                    status == null ? "" : status, event.groupId()));
            args.addAll(fieldsOf(event));
            long into = pipeline.generation();
            pipeline.eval(APPLY_ONCE, List.of(RedisKeys.group(into, event.groupId()),
                    RedisKeys.groupsOf(into, event.groupBuyId(), "OPEN"),
                    RedisKeys.groupsOf(into, event.groupBuyId(), status == null ? "OPEN" : status)), args);
        }
    }

    @Override
    public Projection writingTo(long generation) {
        return new GroupCacheProjection(generations(), generation);
    }

    @Override
    public String keyPrefix(long generation) {
        return RedisKeys.groupCacheOf(generation);
    }

    private static String statusAfter(GroupEvent event) {
        return switch (event) {
            case GroupOpened opened -> "OPEN";
            case GroupCompleted completed -> "COMPLETED";
            case GroupFailed failed -> "FAILED";
            default -> null;
        };
    }

    private static List<String> fieldsOf(GroupEvent event) {
        return switch (event) {
            case GroupOpened opened -> List.of("groupId", opened.groupId(), "groupBuyId", opened.groupBuyId(),
                    "sku", opened.sku(), "groupPriceCents", Long.toString(opened.groupPriceCents()),
                    "groupSize", Integer.toString(opened.groupSize()), "openedAt", opened.openedAt().toString(),
                    "expiresAt", Long.toString(opened.expiresAt().toEpochMilli()), "members", "0",
                    "paidMembers", "0");
            case GroupMemberJoined joined -> List.of("members", Integer.toString(joined.members()));
            case GroupMemberLeft left -> List.of("members", Integer.toString(left.members()));
            case GroupMemberPaid paid -> List.of("paidMembers", Integer.toString(paid.paidMembers()));
            case GroupCompleted completed -> List.of();
            case GroupFailed failed -> List.of();
        };
    }
}
