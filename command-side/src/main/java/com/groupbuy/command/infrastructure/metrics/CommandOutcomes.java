package com.groupbuy.command.infrastructure.metrics;

import com.groupbuy.command.domain.BusinessRuleViolation;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code groupbuy_commands_total{command, outcome, code}}: every handled command, counted once its unit of work
 * ends: {@code accepted} when it committed, {@code rejected} with the rule's code when an aggregate refused it,
 * {@code failed} with the exception's name otherwise (for example a lost race that is then retried).
 */
public class CommandOutcomes implements MessageHandlerInterceptor<CommandMessage<?>> {

    static final String METRIC = "groupbuy.commands";

    private final MeterRegistry registry;
    /** The counter every command type's accepted commands go to, found once rather than built for each command. */
    private final Map<Class<?>, Counter> accepted = new ConcurrentHashMap<>();

    public CommandOutcomes(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork,
                         InterceptorChain interceptorChain) throws Exception {
        Class<?> type = unitOfWork.getMessage().getPayloadType();
        unitOfWork.afterCommit(committed -> accepted.computeIfAbsent(type,
                command -> counter(command.getSimpleName(), "accepted", "NONE")).increment());
        unitOfWork.onRollback(rolledBack -> {
            String command = type.getSimpleName();
            Throwable failure = rolledBack.getExecutionResult() == null ? null
                    : rolledBack.getExecutionResult().getExceptionResult();
            if (failure instanceof BusinessRuleViolation violation) {
                counter(command, "rejected", violation.code().name()).increment();
            } else {
                counter(command, "failed", failure == null ? "UNKNOWN" : failure.getClass().getSimpleName())
                        .increment();
            }
        });
        return interceptorChain.proceed();
    }

    private Counter counter(String command, String outcome, String code) {
        return Counter.builder(METRIC)
                .tag("command", command)
                .tag("outcome", outcome)
                .tag("code", code)
                .description("Handled commands by outcome and code")
                .register(registry);
    }
}
