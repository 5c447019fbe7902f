package com.groupbuy.command.infrastructure.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitor;

import java.util.function.Function;

/**
 * axon-micrometer's counters and timers for the command bus ({@code commandBus_*}) and per event processor
 * ({@code eventProcessor_*{processorName}}), in place of Axon's own dimensional set. That set tags every meter with
 * the message's {@code payloadType} and publishes six client-side percentiles per timer, plus per-type
 * {@code capacity} and {@code latency} gauges: some 20 series per (processor, event type) pair, thousands per pod,
 * percentiles that cannot be added up across pods, and a registry lookup of a new tag set for every meter of every
 * message. Here each component's tags are fixed, so every message finds its meters in the registry's cache; the
 * timers publish no percentiles; the gauges and the event bus are not monitored (how far the events topics trail
 * the store is {@code groupbuy_relay_backlog_events}; commands by outcome are {@code groupbuy_commands_total}).
 */
final class AxonMessageMonitors extends MetricsConfigurerModule {

    static final String COMMAND_BUS = "commandBus";
    static final String EVENT_PROCESSOR = "eventProcessor";

    private final MeterRegistry registry;

    AxonMessageMonitors(GlobalMetricRegistry axonRegistry) {
        super(axonRegistry, true);
        this.registry = axonRegistry.getRegistry();
    }

    @Override
    public void configureModule(Configurer configurer) {
        configurer.configureMessageMonitor(configuration -> this::monitorFor);
    }

    MessageMonitor<Message<?>> monitorFor(Class<?> componentType, String componentName) {
        if (EventProcessor.class.isAssignableFrom(componentType)) {
            return countedAndTimed(EVENT_PROCESSOR, Tags.of("processorName", componentName));
        }
        if (CommandBus.class.isAssignableFrom(componentType)) {
            return countedAndTimed(COMMAND_BUS, Tags.empty());
        }
        return NoOpMessageMonitor.instance();
    }

    private MessageMonitor<Message<?>> countedAndTimed(String prefix, Tags tags) {
        Function<Message<?>, Iterable<Tag>> sameTags = message -> tags;
        return new MultiMessageMonitor<>(
                MessageCountingMonitor.buildMonitor(prefix, registry, sameTags),
                MessageTimerMonitor.builder()
                        .meterNamePrefix(prefix)
                        .meterRegistry(registry)
                        .tagsBuilder(sameTags)
                        .timerCustomization(timer -> timer.publishPercentiles())
                        .build());
    }
}
