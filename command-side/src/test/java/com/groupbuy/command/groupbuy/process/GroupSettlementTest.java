package com.groupbuy.command.groupbuy.process;

import com.groupbuy.command.groupbuy.model.GroupStatus;
import com.groupbuy.command.groupbuy.model.RecordMemberPayment;
import com.groupbuy.command.groupbuy.model.RemoveMember;
import com.groupbuy.command.order.model.SettleOrderOfFailedGroup;
import com.groupbuy.events.groupbuy.GroupFailed;
import com.groupbuy.events.order.OrderExpired;
import com.groupbuy.events.order.OrderPaid;
import com.groupbuy.events.order.OrderRejected;
import com.groupbuy.events.order.PricedLine;
import com.groupbuy.events.order.Promotion;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.utils.RecordingCommandBus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GroupSettlementTest {

    private static final Promotion GROUP = Promotion.groupBuy("gb-1", "g-1");
    private static final List<PricedLine> LINE = List.of(new PricedLine("TEA", "tea", 1, 300));

    private final RecordingCommandBus bus = new RecordingCommandBus();
    private GroupSettlement settlement;

    @BeforeEach
    void setUp() {
        settlement = new GroupSettlement(DefaultCommandGateway.builder().commandBus(bus).build());
    }

    private List<Object> sent() {
        return bus.getDispatchedCommands().stream().map(CommandMessage::getPayload).map(Object.class::cast).toList();
    }

    @Test
    void a_paid_member_order_counts_towards_its_group() {
        bus.setCallbackBehavior((command, metaData) -> GroupStatus.OPEN);

        settlement.on(new OrderPaid("o-1", "u1", 300, "pay-1", LINE, GROUP));

        assertThat(sent()).containsExactly(new RecordMemberPayment("g-1", "o-1"));
    }

    @Test
    void an_order_paid_after_its_group_failed_is_settled_as_the_group_failed() {
        bus.setCallbackBehavior((command, metaData) ->
                command instanceof RecordMemberPayment ? GroupStatus.FAILED : null);

        settlement.on(new OrderPaid("o-1", "u1", 300, "pay-1", LINE, GROUP));

        assertThat(sent()).containsExactly(new RecordMemberPayment("g-1", "o-1"), new SettleOrderOfFailedGroup("o-1"));
    }

    @Test
    void a_member_order_ending_unpaid_frees_its_place() {
        settlement.on(new OrderExpired("o-2", "u2", LINE, null, GROUP));
        settlement.on(new OrderRejected("o-3", "u3", "SOLD_OUT", "no stock", List.of(), null, GROUP));

        assertThat(sent()).containsExactly(new RemoveMember("g-1", "o-2", "EXPIRED"),
                new RemoveMember("g-1", "o-3", "REJECTED"));
    }

    @Test
    void orders_of_no_group_are_left_alone() {
        settlement.on(new OrderPaid("o-1", "u1", 300, "pay-1", LINE));
        settlement.on(new OrderExpired("o-2", "u2", LINE, null));

        assertThat(sent()).isEmpty();
    }

    @Test
    void a_failed_group_settles_every_member_order_even_one_not_placed_yet() {
        bus.setCallbackBehavior((command, metaData) -> {
            if (command instanceof SettleOrderOfFailedGroup(String orderId) && orderId.equals("o-3")) {
                throw new AggregateNotFoundException(orderId, "not placed yet");
            }
            return null;
        });

        settlement.on(new GroupFailed("g-1", "gb-1", 3, List.of("o-1"), List.of("o-2", "o-3")));

        assertThat(sent()).containsExactly(new SettleOrderOfFailedGroup("o-1"), new SettleOrderOfFailedGroup("o-2"),
                new SettleOrderOfFailedGroup("o-3"));
    }
}
