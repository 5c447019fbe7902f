package com.groupbuy.query.groupbuys;

import com.groupbuy.contract.RedisKeys;
import com.groupbuy.query.RedisPointer;
import org.redisson.api.RBatch;
import org.redisson.api.RFuture;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the groups the group-cache projection keeps in Redis, in the generation its pointer names (none while the
 * projection rebuilds a Redis that came back empty).
 */
@Component
class GroupCache {

    private final RedissonClient redis;

    GroupCache(RedissonClient redis) {
        this.redis = redis;
    }

    /**
     * Up to {@code limit} groups of a deal in a status, soonest to expire first; open groups whose window has passed
     * (their failure not yet projected) are left out.
     */
    List<GroupView> groupsOf(String groupBuyId, GroupStatus status, int limit, Instant now) {
        Optional<Long> current = RedisPointer.generation(redis, RedisKeys.groupCacheGeneration());
        if (current.isEmpty()) {
            return List.of();
        }
        long generation = current.get();
        var set = redis.<String>getScoredSortedSet(RedisKeys.groupsOf(generation, groupBuyId, status.name()),
                StringCodec.INSTANCE);
        Collection<String> ids = status == GroupStatus.OPEN
                ? set.valueRange(now.toEpochMilli(), false, Double.POSITIVE_INFINITY, true, 0, limit)
                : set.valueRange(0, limit - 1);
        RBatch batch = redis.createBatch();
        List<RFuture<Map<String, String>>> reads = new ArrayList<>();
        for (String id : ids) {
            reads.add(batch.<String, String>getMap(RedisKeys.group(generation, id), StringCodec.INSTANCE)
                    .readAllMapAsync());
        }
        batch.execute();
        return reads.stream().map(read -> read.toCompletableFuture().join())
                .filter(hash -> hash.containsKey("groupBuyId"))
                .map(GroupCache::toView)
                .toList();
    }

    private static GroupView toView(Map<String, String> hash) {
        return new GroupView(hash.get("groupId"), hash.get("groupBuyId"), hash.get("sku"),
                Long.parseLong(hash.get("groupPriceCents")), Integer.parseInt(hash.get("groupSize")),
                Integer.parseInt(hash.getOrDefault("members", "0")),
                Integer.parseInt(hash.getOrDefault("paidMembers", "0")),
                GroupStatus.valueOf(hash.getOrDefault("status", "OPEN")), Instant.parse(hash.get("openedAt")),
                Instant.ofEpochMilli(Long.parseLong(hash.get("expiresAt"))));
    }
}
