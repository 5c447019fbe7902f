package com.groupbuy.projections.groupbuys;

import com.groupbuy.contract.RedisKeys;
import com.groupbuy.events.groupbuy.GroupBuyCreated;
import com.groupbuy.events.groupbuy.GroupCompleted;
import com.groupbuy.events.groupbuy.GroupFailed;
import com.groupbuy.events.groupbuy.GroupMemberJoined;
import com.groupbuy.events.groupbuy.GroupMemberLeft;
import com.groupbuy.events.groupbuy.GroupMemberPaid;
import com.groupbuy.events.groupbuy.GroupOpened;
import com.groupbuy.projections.ProjectionsTestSupport;
import org.junit.jupiter.api.Test;
import org.redisson.client.codec.StringCodec;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Groups of deals, fed through the real broker into real PostgreSQL (analytics) and Redis (open groups). */
class GroupBuyProjectionsIT extends ProjectionsTestSupport {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private final String deal = unique("deal");
    private final String completing = unique("group");
    private final String failing = unique("group");
    private final String open = unique("group");

    @Test
    void a_deal_counts_its_groups_members_and_outcomes_once_each_and_lists_its_groups_by_status() {
        publish(0, new GroupBuyCreated(deal, "TEA", "tea", 300, 2, 600, NOW, NOW.plusSeconds(3600), null,
                List.of("sugar", "ice")));
        opened(completing, 0);
        publish(1, new GroupMemberJoined(completing, deal, "u1", "o-1", 1));
        publish(2, new GroupMemberJoined(completing, deal, "u2", "o-2", 2));
        publish(3, new GroupMemberPaid(completing, deal, "u1", "o-1", 1));
        publish(4, new GroupMemberPaid(completing, deal, "u2", "o-2", 2));
        publish(5, new GroupCompleted(completing, deal, List.of("o-1", "o-2")));
        opened(failing, 60);
        publish(1, new GroupMemberJoined(failing, deal, "u3", "o-3", 1));
        publish(2, new GroupMemberJoined(failing, deal, "u4", "o-4", 2));
        publish(3, new GroupMemberLeft(failing, deal, "u4", "o-4", 1, "EXPIRED"));
        publish(4, new GroupFailed(failing, deal, 2, List.of(), List.of("o-3")));
        opened(open, 120);
        publish(1, new GroupMemberJoined(open, deal, "u5", "o-5", 1));
        // redeliveries
        publish(2, new GroupMemberJoined(completing, deal, "u2", "o-2", 2));
        publish(5, new GroupCompleted(completing, deal, List.of("o-1", "o-2")));
        publish(1, new GroupMemberJoined(open, deal, "u5", "o-5", 1));
        awaitConsumedBy("group-buys");

        Map<String, Object> stats = row("""
                SELECT COUNT(*) AS opened, COUNT(*) FILTER (WHERE status = 'COMPLETED') AS completed,
                       COUNT(*) FILTER (WHERE status = 'FAILED') AS failed, SUM(joins) AS joins,
                       SUM(members) AS members, SUM(paid_members) AS paid
                  FROM group_buy_group WHERE group_buy_id = ?""", deal);
        assertThat(stats).containsEntry("opened", 3L).containsEntry("completed", 1L).containsEntry("failed", 1L)
                .containsEntry("joins", 5L).containsEntry("members", 4L).containsEntry("paid", 2L);
        assertThat(row("SELECT * FROM group_buy WHERE group_buy_id = ?", deal)).containsEntry("group_size", 2)
                .containsEntry("group_price_cents", 300L).containsEntry("allowed_options", "[\"sugar\",\"ice\"]");

        eventually(() -> {
            assertThat(groupIds("OPEN")).containsExactly(open);
            assertThat(groupIds("COMPLETED")).containsExactly(completing);
            assertThat(groupIds("FAILED")).containsExactly(failing);
            assertThat(cachedGroup(open)).containsEntry("members", "1").containsEntry("paidMembers", "0")
                    .containsEntry("status", "OPEN").containsEntry("groupSize", "2");
            assertThat(cachedGroup(completing)).containsEntry("members", "2").containsEntry("paidMembers", "2")
                    .containsEntry("status", "COMPLETED").containsEntry("sequence", "5");
        });
    }

    private void opened(String groupId, long openedAfterSeconds) {
        Instant at = NOW.plusSeconds(openedAfterSeconds);
        publish(0, new GroupOpened(groupId, deal, "TEA", 300, 2, "u1", at, at.plusSeconds(600)));
    }

    /** The deal's groups in a status, in the generation of the group cache that readers use. */
    private List<String> groupIds(String status) {
        Long generation = generationOf(RedisKeys.groupCacheGeneration());
        if (generation == null) {
            return List.of();
        }
        return List.copyOf(redis.<String>getScoredSortedSet(RedisKeys.groupsOf(generation, deal, status),
                StringCodec.INSTANCE).readAll());
    }

    private Map<String, String> cachedGroup(String groupId) {
        Long generation = generationOf(RedisKeys.groupCacheGeneration());
        if (generation == null) {
            return Map.of();
        }
        return redis.<String, String>getMap(RedisKeys.group(generation, groupId), StringCodec.INSTANCE).readAllMap();
    }
}
