package com.groupbuy.command.infrastructure.metrics;

import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.Configurer;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitor;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * axon-micrometer's counters and timers for the command bus ({@code commandBus_*}) and per event processor
 * ({@code eventProcessor_*{processorName}}), in place of Axon's own dimensional set. That set tags every meter with
 * the message's {@code payloadType} and publishes six client-side percentiles per timer, plus per-type
 * {@code capacity} and {@code latency} gauges: some 20 series per (processor, event type) pair, thousands per pod,
 * percentiles that cannot be added up across pods. Here each component's meters have fixed tags and are registered
 * once, when the component is built: axon-micrometer's own monitors look up five counters and build four timers in
 * the registry for every message, some 3 % of a worker's CPU per order (docs/performance.md). The names are
 * axon-micrometer's; the timers publish no percentiles; the gauges and the event bus are not monitored (how far the
 * events topics trail the store is {@code groupbuy_relay_backlog_events}; commands by outcome are
 * {@code groupbuy_commands_total}).
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
            return new CountedAndTimed(registry, EVENT_PROCESSOR, Tags.of("processorName", componentName));
        }
        if (CommandBus.class.isAssignableFrom(componentType)) {
            return new CountedAndTimed(registry, COMMAND_BUS, Tags.empty());
        }
        return NoOpMessageMonitor.instance();
    }

    /** axon-micrometer's {@code MessageCountingMonitor} and {@code MessageTimerMonitor} in one, meters built once. */
    private static final class CountedAndTimed implements MessageMonitor<Message<?>> {

        private final Clock clock;
        private final Counter ingested;
        private final Counter succeeded;
        private final Counter failed;
        private final Counter processed;
        private final Counter ignored;
        private final Timer all;
        private final Timer successTimer;
        private final Timer failureTimer;
        private final Timer ignoredTimer;

        CountedAndTimed(MeterRegistry registry, String prefix, Tags tags) {
            this.clock = registry.config().clock();
            this.ingested = registry.counter(prefix + ".ingestedCounter", tags);
            this.succeeded = registry.counter(prefix + ".successCounter", tags);
            this.failed = registry.counter(prefix + ".failureCounter", tags);
            this.processed = registry.counter(prefix + ".processedCounter", tags);
            this.ignored = registry.counter(prefix + ".ignoredCounter", tags);
            this.all = timer(registry, prefix + ".allTimer", tags);
            this.successTimer = timer(registry, prefix + ".successTimer", tags);
            this.failureTimer = timer(registry, prefix + ".failureTimer", tags);
            this.ignoredTimer = timer(registry, prefix + ".ignoredTimer", tags);
        }

        private static Timer timer(MeterRegistry registry, String name, Tags tags) {
            return Timer.builder(name).distributionStatisticExpiry(Duration.ofMinutes(10)).tags(tags)
                    .register(registry);
        }

        @Override
        public MonitorCallback onMessageIngested(Message<?> message) {
            ingested.increment();
            long started = clock.monotonicTime();
            return new MonitorCallback() {
                @Override
                public void reportSuccess() {
                    processed.increment();
                    succeeded.increment();
                    time(successTimer);
                }

                @Override
                public void reportFailure(Throwable cause) {
                    processed.increment();
                    failed.increment();
                    time(failureTimer);
                }

                @Override
                public void reportIgnored() {
                    ignored.increment();
                    time(ignoredTimer);
                }

                private void time(Timer outcome) {
                    long took = clock.monotonicTime() - started;
                    all.record(took, TimeUnit.NANOSECONDS);
                    outcome.record(took, TimeUnit.NANOSECONDS);
                }
            };
        }
    }
}
