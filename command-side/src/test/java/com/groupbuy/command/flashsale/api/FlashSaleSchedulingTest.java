package com.groupbuy.command.flashsale.api;

import com.groupbuy.command.domain.BusinessRuleViolation;
import com.groupbuy.command.flashsale.model.ScheduleFlashSale;
import com.groupbuy.command.infrastructure.idempotency.IdempotentIds;
import com.groupbuy.command.product.model.Allotment;
import com.groupbuy.command.product.model.ReturnStock;
import com.groupbuy.command.product.model.SetAsideStock;
import com.groupbuy.contract.ErrorCode;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.test.utils.RecordingCommandBus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.security.authentication.TestingAuthenticationToken;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * What scheduling a sale does with the units set aside for it when the sale is not scheduled: they go back only
 * when no sale with its id can ever sell them.
 */
class FlashSaleSchedulingTest {

    private static final Instant STARTS_AT = Instant.parse("2030-01-01T10:00:00Z");
    private static final String SALE = IdempotentIds.idFor("flash-sale", "flash-admin", "key-1");

    private final RecordingCommandBus bus = new RecordingCommandBus();

    static Stream<RuntimeException> refusalsByTheSaleRules() {
        BusinessRuleViolation refusal = new BusinessRuleViolation(ErrorCode.VALIDATION_FAILED,
                "the sale would have ended already");
        return Stream.of(refusal, new CommandExecutionException("refused", refusal));
    }

    static Stream<RuntimeException> failuresAfterWhichTheSaleMayExist() {
        return Stream.of(new AggregateStreamCreationException("a sale with this id exists"),
                new ConcurrencyException("another process appended first"),
                new IllegalStateException("the event store is away"));
    }

    @ParameterizedTest
    @MethodSource("refusalsByTheSaleRules")
    void units_of_a_sale_its_rules_refuse_go_back_to_the_product(RuntimeException refusal) {
        RuntimeException thrown = scheduleFailingWith(refusal);

        assertThat(thrown).isSameAs(refusal);
        assertThat(sent()).map(Object::getClass)
                .containsExactly(SetAsideStock.class, ScheduleFlashSale.class, ReturnStock.class);
        assertThat(sent().getLast()).isEqualTo(new ReturnStock("TEA", SALE, 10));
    }

    @ParameterizedTest
    @MethodSource("failuresAfterWhichTheSaleMayExist")
    void units_of_a_sale_that_failed_otherwise_stay_set_aside_for_it(RuntimeException failure) {
        RuntimeException thrown = scheduleFailingWith(failure);

        assertThat(thrown).isSameAs(failure);
        assertThat(sent()).map(Object::getClass).containsExactly(SetAsideStock.class, ScheduleFlashSale.class);
    }

    /**
     * Asks for a sale of 10 units: they are set aside, then scheduling fails with {@code failure} (so the gate, the
     * queue and the rest the controller has for purchases are never reached).
     */
    private RuntimeException scheduleFailingWith(RuntimeException failure) {
        bus.setCallbackBehavior((payload, metaData) -> {
            if (payload instanceof SetAsideStock setAside) {
                return new Allotment(setAside.sku(), setAside.quantity(), 500, "tea");
            }
            if (payload instanceof ScheduleFlashSale) {
                throw failure;
            }
            return null;
        });
        FlashSaleController controller = new FlashSaleController(
                DefaultCommandGateway.builder().commandBus(bus).build(), null, null, null);
        FlashSaleController.ScheduleRequest request = new FlashSaleController.ScheduleRequest("TEA", 199L, 10, 2,
                STARTS_AT, STARTS_AT.plusSeconds(600), null);
        return (RuntimeException) catchThrowable(() -> controller.schedule(request,
                new TestingAuthenticationToken("flash-admin", null, "ROLE_ADMIN"), "key-1"));
    }

    private List<Object> sent() {
        return bus.getDispatchedCommands().stream().map(CommandMessage::getPayload).map(Object.class::cast).toList();
    }
}
