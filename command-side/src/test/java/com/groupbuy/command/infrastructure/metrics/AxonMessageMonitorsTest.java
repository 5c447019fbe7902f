package com.groupbuy.command.infrastructure.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitor;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AxonMessageMonitorsTest {

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private final AxonMessageMonitors monitors = new AxonMessageMonitors(new GlobalMetricRegistry(registry));

    @Test
    void the_events_of_every_type_count_in_one_series_per_processor() {
        var relay = monitors.monitorFor(PooledStreamingEventProcessor.class, "kafka-relay");

        relay.onMessageIngested(GenericEventMessage.asEventMessage("an order was placed")).reportSuccess();
        relay.onMessageIngested(GenericEventMessage.asEventMessage(42)).reportSuccess();
        relay.onMessageIngested(GenericEventMessage.asEventMessage(7L)).reportFailure(new IllegalStateException());

        assertThat(registry.find("eventProcessor.processedCounter").counters()).singleElement()
                .satisfies(counter -> {
                    assertThat(counter.getId().getTags()).extracting("key").containsExactly("processorName");
                    assertThat(counter.getId().getTag("processorName")).isEqualTo("kafka-relay");
                    assertThat(counter.count()).isEqualTo(3);
                });
        assertThat(registry.get("eventProcessor.successCounter").counter().count()).isEqualTo(2);
        assertThat(registry.get("eventProcessor.failureCounter").counter().count()).isEqualTo(1);
    }

    @Test
    void the_command_bus_times_its_commands_without_client_side_percentiles() {
        var commandBus = monitors.monitorFor(CommandBus.class, "commandBus");

        commandBus.onMessageIngested(GenericCommandMessage.asCommandMessage("place an order")).reportSuccess();

        Timer timer = registry.get("commandBus.successTimer").timer();
        assertThat(timer.count()).isEqualTo(1);
        assertThat(timer.takeSnapshot().percentileValues()).isEmpty();
        assertThat(registry.get("commandBus.successCounter").counter().count()).isEqualTo(1);
    }

    @Test
    void a_components_meters_are_registered_when_it_is_built_and_an_ignored_message_counts_as_ignored() {
        var relay = monitors.monitorFor(PooledStreamingEventProcessor.class, "kafka-relay");
        int registered = registry.getMeters().size();

        relay.onMessageIngested(GenericEventMessage.asEventMessage("a coupon was claimed")).reportIgnored();

        assertThat(registered).as("five counters and four timers, before any message").isEqualTo(9);
        assertThat(registry.getMeters()).hasSize(registered);
        assertThat(registry.get("eventProcessor.ignoredCounter").counter().count()).isEqualTo(1);
        assertThat(registry.get("eventProcessor.ignoredTimer").timer().count()).isEqualTo(1);
        assertThat(registry.get("eventProcessor.allTimer").timer().count()).isEqualTo(1);
        assertThat(registry.get("eventProcessor.processedCounter").counter().count()).isZero();
        assertThat(registry.get("eventProcessor.ingestedCounter").counter().count()).isEqualTo(1);
    }

    @Test
    void neither_the_event_bus_nor_the_gauges_per_message_type_are_monitored() {
        MessageMonitor<?> eventBus = monitors.monitorFor(EventBus.class, "eventStore");
        monitors.monitorFor(PooledStreamingEventProcessor.class, "kafka-relay")
                .onMessageIngested(GenericEventMessage.asEventMessage("an order was placed")).reportSuccess();

        assertThat(eventBus).isSameAs(NoOpMessageMonitor.instance());
        assertThat(registry.getMeters()).noneMatch(meter -> meter.getId().getName().endsWith("latency")
                || meter.getId().getName().endsWith("capacity") || meter.getId().getTag("payloadType") != null);
    }
}
