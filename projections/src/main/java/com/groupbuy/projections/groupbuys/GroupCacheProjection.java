package com.groupbuy.projections.groupbuys;

import com.groupbuy.contract.RedisKeys;
import com.groupbuy.events.AggregateType;
import com.groupbuy.events.DomainEvent;
import com.groupbuy.events.EventRecord;
import com.groupbuy.events.groupbuy.GroupCompleted;
import com.groupbuy.events.groupbuy.GroupEvent;
import com.groupbuy.events.groupbuy.GroupFailed;
import com.groupbuy.events.groupbuy.GroupMemberJoined;
import com.groupbuy.events.groupbuy.GroupMemberLeft;
import com.groupbuy.events.groupbuy.GroupMemberPaid;
import com.groupbuy.events.groupbuy.GroupOpened;
import com.groupbuy.projections.consumer.Projection;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The groups of each deal in Redis, for storefronts looking for a group to join: a hash per group and, per deal, a
 * set of its groups in each status scored by expiry. One Lua script per event checks the group's sequence first,
 * then sets the fields and moves the group between the status sets, so a redelivered event changes nothing.
 */
@Component
class GroupCacheProjection implements Projection {

    /** KEYS group hash, deal's OPEN set, deal's set of the new status; ARGV sequence, status or '', id, fields… */
    private static final String APPLY_ONCE = """
            local last = tonumber(redis.call('HGET', KEYS[1], 'sequence') or '-1')
            if tonumber(ARGV[1]) <= last then return 0 end
            if #ARGV > 3 then redis.call('HSET', KEYS[1], unpack(ARGV, 4)) end
            redis.call('HSET', KEYS[1], 'sequence', ARGV[1])
            if ARGV[2] ~= '' then
                local expires = redis.call('HGET', KEYS[1], 'expiresAt') or '0'
                redis.call('HSET', KEYS[1], 'status', ARGV[2])
                if KEYS[2] ~= KEYS[3] then redis.call('ZREM', KEYS[2], ARGV[3]) end
                redis.call('ZADD', KEYS[3], tonumber(expires), ARGV[3])
            end
            return 1
            """;

    private final RScript script;

    GroupCacheProjection(RedissonClient redis) {
        this.script = redis.getScript(StringCodec.INSTANCE);
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
    public void apply(EventRecord record, DomainEvent event) {
        if (event instanceof GroupEvent groupEvent) {
            String status = statusAfter(groupEvent);
            List<Object> args = new ArrayList<>(List.of(Long.toString(record.sequence()), status == null ? "" : status,
                    groupEvent.groupId()));
            args.addAll(fieldsOf(groupEvent));
            script.eval(RScript.Mode.READ_WRITE, APPLY_ONCE, RScript.ReturnType.LONG,
                    List.of(RedisKeys.group(groupEvent.groupId()),
                            RedisKeys.groupsOf(groupEvent.groupBuyId(), "OPEN"),
                            RedisKeys.groupsOf(groupEvent.groupBuyId(), status == null ? "OPEN" : status)),
                    args.toArray());
        }
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
