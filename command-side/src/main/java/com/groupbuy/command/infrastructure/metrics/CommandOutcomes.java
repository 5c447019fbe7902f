package com.groupbuy.command.infrastructure.metrics;

import com.groupbuy.command.domain.BusinessRuleViolation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * {@code groupbuy_commands_total{command, outcome, code}}: every handled command, counted once its unit of work
 * ends: {@code accepted} when it committed, {@code rejected} with the rule's code when an aggregate refused it,
 * {@code failed} with the exception's name otherwise (for example a lost race that is then retried).
 */
public class CommandOutcomes implements MessageHandlerInterceptor<CommandMessage<?>> {

    static final String METRIC = "groupbuy.commands";

    private final MeterRegistry registry;

    public CommandOutcomes(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork,
                         InterceptorChain interceptorChain) throws Exception {
        String command = unitOfWork.getMessage().getPayloadType().getSimpleName();
        unitOfWork.afterCommit(committed -> count(command, "accepted", "NONE"));
        unitOfWork.onRollback(rolledBack -> {
            Throwable failure = rolledBack.getExecutionResult() == null ? null
                    : rolledBack.getExecutionResult().getExceptionResult();
            if (failure instanceof BusinessRuleViolation violation) {
                count(command, "rejected", violation.code().name());
            } else {
                count(command, "failed", failure == null ? "UNKNOWN" : failure.getClass().getSimpleName());
            }
        });
        return interceptorChain.proceed();
    }

    private void count(String command, String outcome, String code) {
        Counter.builder(METRIC)
                .tag("command", command)
                .tag("outcome", outcome)
                .tag("code", code)
                .description("Handled commands by outcome and code")
                .register(registry)
                .increment();
    }
}
