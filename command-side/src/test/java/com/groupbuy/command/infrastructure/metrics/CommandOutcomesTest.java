package com.groupbuy.command.infrastructure.metrics;

import com.groupbuy.command.domain.BusinessRuleViolation;
import com.groupbuy.command.product.model.AdjustStock;
import com.groupbuy.contract.ErrorCode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandOutcomesTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final SimpleCommandBus bus = SimpleCommandBus.builder().build();
    private final DefaultCommandGateway gateway = DefaultCommandGateway.builder().commandBus(bus).build();

    CommandOutcomesTest() {
        bus.registerHandlerInterceptor(new CommandOutcomes(registry));
    }

    private double count(String outcome, String code) {
        var counter = registry.find(CommandOutcomes.METRIC).tags("command", "AdjustStock", "outcome", outcome,
                "code", code).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void a_handled_command_counts_as_accepted() {
        bus.subscribe(AdjustStock.class.getName(), message -> null);

        gateway.sendAndWait(new AdjustStock("TEA", 5));

        assertThat(count("accepted", "NONE")).isEqualTo(1);
    }

    @Test
    void a_refused_command_counts_as_rejected_with_its_code() {
        bus.subscribe(AdjustStock.class.getName(), message -> {
            throw new BusinessRuleViolation(ErrorCode.INSUFFICIENT_STOCK, "no");
        });

        assertThatThrownBy(() -> gateway.sendAndWait(GenericCommandMessage.asCommandMessage(new AdjustStock("TEA", -5))))
                .isInstanceOf(BusinessRuleViolation.class);

        assertThat(count("rejected", "INSUFFICIENT_STOCK")).isEqualTo(1);
        assertThat(count("accepted", "NONE")).isZero();
    }
}
