package com.groupbuy.command.infrastructure.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class AxonMetersTest {

    private final MeterRegistry registry = new SimpleMeterRegistry();

    AxonMetersTest() {
        registry.config().meterFilter(new AxonMeters());
    }

    @Test
    void the_events_of_every_type_count_in_one_series_per_processor() {
        registry.counter("eventProcessor.processedCounter", Tags.of("processorName", "kafka-relay",
                AxonMeters.PAYLOAD_TYPE, "OrderPlaced")).increment();
        registry.counter("eventProcessor.processedCounter", Tags.of("processorName", "kafka-relay",
                AxonMeters.PAYLOAD_TYPE, "OrderConfirmed")).increment(2);

        assertThat(registry.find("eventProcessor.processedCounter").counters()).singleElement()
                .satisfies(counter -> {
                    assertThat(counter.count()).isEqualTo(3);
                    assertThat(counter.getId().getTag("processorName")).isEqualTo("kafka-relay");
                    assertThat(counter.getId().getTag(AxonMeters.PAYLOAD_TYPE)).isNull();
                });
    }

    @Test
    void axon_timers_publish_no_client_side_percentiles() {
        Timer timer = Timer.builder("commandBus.successTimer").publishPercentiles(0.5, 0.99)
                .tags(AxonMeters.PAYLOAD_TYPE, "PlaceOrder").register(registry);
        timer.record(Duration.ofMillis(5));

        assertThat(timer.takeSnapshot().percentileValues()).isEmpty();
        assertThat(timer.count()).isEqualTo(1);
    }

    @Test
    void per_type_gauges_of_axon_are_not_published_and_other_meters_are_left_alone() {
        registry.gauge("eventProcessor.latency", Tags.of(AxonMeters.PAYLOAD_TYPE, "OrderPlaced"), new AtomicLong(7));
        registry.gauge("eventProcessor.capacity", Tags.of(AxonMeters.PAYLOAD_TYPE, "OrderPlaced"), new AtomicLong(1));
        Timer ours = Timer.builder("http.server.requests").publishPercentiles(0.99)
                .tags(AxonMeters.PAYLOAD_TYPE, "kept").register(registry);
        ours.record(Duration.ofMillis(5));

        assertThat(registry.find("eventProcessor.latency").meters()).isEmpty();
        assertThat(registry.find("eventProcessor.capacity").meters()).isEmpty();
        assertThat(ours.getId().getTag(AxonMeters.PAYLOAD_TYPE)).isEqualTo("kept");
        assertThat(ours.takeSnapshot().percentileValues()).hasSize(1);
    }
}
