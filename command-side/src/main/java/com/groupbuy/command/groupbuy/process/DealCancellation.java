package com.groupbuy.command.groupbuy.process;

import com.groupbuy.command.groupbuy.model.FailGroup;
import com.groupbuy.command.order.process.OrderSteps;
import com.groupbuy.events.groupbuy.GroupBuyCancelled;
import com.groupbuy.events.groupbuy.GroupCompleted;
import com.groupbuy.events.groupbuy.GroupFailed;
import com.groupbuy.events.groupbuy.GroupOpened;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;

/**
 * Fails the open groups of a cancelled deal. A deal does not hear of its groups (they are aggregates of their own),
 * so this process remembers each deal's open groups, in tables of the event store's database written in the same
 * transaction as its position: when a deal is cancelled it fails those groups, and a group that opens after the
 * cancellation (its terms were handed out just before) fails as soon as it is seen. One segment, so it sees a deal's
 * cancellation and its groups' openings in the event store's order. Failing a group that has ended changes nothing,
 * so a replay is harmless; the failed groups settle their members' orders as any failed group does.
 */
@ProcessingGroup(DealCancellation.PROCESSING_GROUP)
public class DealCancellation {

    public static final String PROCESSING_GROUP = "deal-cancellation";

    private final CommandGateway commands;
    private final JdbcClient jdbc;

    public DealCancellation(CommandGateway commands, JdbcClient jdbc) {
        this.commands = commands;
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(GroupOpened event) {
        if (cancelled(event.groupBuyId())) {
            fail(event.groupId());
            return;
        }
        jdbc.sql("""
                        INSERT INTO deal_open_group (group_buy_id, group_id) VALUES (?, ?)
                        ON CONFLICT DO NOTHING""")
                .params(event.groupBuyId(), event.groupId())
                .update();
    }

    @EventHandler
    void on(GroupCompleted event) {
        ended(event.groupBuyId(), event.groupId());
    }

    @EventHandler
    void on(GroupFailed event) {
        ended(event.groupBuyId(), event.groupId());
    }

    @EventHandler
    void on(GroupBuyCancelled event) {
        jdbc.sql("INSERT INTO deal_cancelled (group_buy_id) VALUES (?) ON CONFLICT DO NOTHING")
                .param(event.groupBuyId())
                .update();
        List<String> open = jdbc.sql("SELECT group_id FROM deal_open_group WHERE group_buy_id = ? ORDER BY group_id")
                .param(event.groupBuyId())
                .query(String.class)
                .list();
        open.forEach(this::fail);
    }

    private boolean cancelled(String groupBuyId) {
        return jdbc.sql("SELECT count(*) FROM deal_cancelled WHERE group_buy_id = ?")
                .param(groupBuyId)
                .query(Long.class)
                .single() > 0;
    }

    private void ended(String groupBuyId, String groupId) {
        jdbc.sql("DELETE FROM deal_open_group WHERE group_buy_id = ? AND group_id = ?")
                .params(groupBuyId, groupId)
                .update();
    }

    private void fail(String groupId) {
        OrderSteps.ignoringUnknown(() -> commands.sendAndWait(new FailGroup(groupId)));
    }
}
