package com.groupbuy.command.groupbuy.process;

import com.groupbuy.command.groupbuy.model.GroupStatus;
import com.groupbuy.command.groupbuy.model.RecordMemberPayment;
import com.groupbuy.command.groupbuy.model.RemoveMember;
import com.groupbuy.command.order.model.RecordGroupCompletion;
import com.groupbuy.command.order.model.SettleOrderOfFailedGroup;
import com.groupbuy.command.order.process.OrderSteps;
import com.groupbuy.events.groupbuy.GroupCompleted;
import com.groupbuy.events.groupbuy.GroupFailed;
import com.groupbuy.events.order.OrderCancelled;
import com.groupbuy.events.order.OrderExpired;
import com.groupbuy.events.order.OrderPaid;
import com.groupbuy.events.order.OrderRejected;
import com.groupbuy.events.order.Promotion;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;

import java.util.stream.Stream;

/**
 * Keeps groups and their members' orders in step, driven by their events: a paid order counts towards its group
 * (which completes at its size); an order that ends unpaid frees its place; when a group fails, every member's order
 * is settled (paid ones refunded, the others cancelled or rejected), and so is an order paid after its group failed;
 * when a group completes, each member's order learns it and may be prepared.
 * Runs in the workers over the event store; every command here is idempotent, so a replayed event changes nothing.
 */
@ProcessingGroup(GroupSettlement.PROCESSING_GROUP)
public class GroupSettlement {

    public static final String PROCESSING_GROUP = "group-settlement";

    private final CommandGateway commands;

    public GroupSettlement(CommandGateway commands) {
        this.commands = commands;
    }

    @EventHandler
    void on(OrderPaid event) {
        if (isGroupOrder(event.promotion())) {
            GroupStatus status = commands.sendAndWait(
                    new RecordMemberPayment(event.promotion().groupId(), event.orderId()));
            if (status == GroupStatus.FAILED) {
                commands.sendAndWait(new SettleOrderOfFailedGroup(event.orderId()));
            }
        }
    }

    @EventHandler
    void on(OrderRejected event) {
        leave(event.promotion(), event.orderId(), "REJECTED");
    }

    @EventHandler
    void on(OrderCancelled event) {
        leave(event.promotion(), event.orderId(), "CANCELLED");
    }

    @EventHandler
    void on(OrderExpired event) {
        leave(event.promotion(), event.orderId(), "EXPIRED");
    }

    @EventHandler
    void on(GroupFailed event) {
        Stream.concat(event.paidOrderIds().stream(), event.unpaidOrderIds().stream()).forEach(orderId ->
                OrderSteps.ignoringUnknown(() -> commands.sendAndWait(new SettleOrderOfFailedGroup(orderId))));
    }

    @EventHandler
    void on(GroupCompleted event) {
        event.orderIds().forEach(orderId -> OrderSteps.ignoringUnknown(() -> commands.sendAndWait(
                new RecordGroupCompletion(orderId, event.groupId()))));
    }

    private void leave(Promotion promotion, String orderId, String reason) {
        if (isGroupOrder(promotion)) {
            OrderSteps.ignoringUnknown(() -> commands.sendAndWait(
                    new RemoveMember(promotion.groupId(), orderId, reason)));
        }
    }

    private static boolean isGroupOrder(Promotion promotion) {
        return promotion != null && promotion.isGroupBuy();
    }
}
