package com.groupbuy.projections.consumer;

import com.groupbuy.contract.Topics;
import com.groupbuy.events.AggregateType;
import com.groupbuy.events.DomainEvent;
import com.groupbuy.events.EventRecord;
import com.groupbuy.events.product.ProductRegistered;
import com.groupbuy.infra.Infrastructures;
import com.groupbuy.projections.ProjectionsTestSupport;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The projections' lag and dead-letter metrics, measured against the real broker. */
class ProjectionMetricsIT extends ProjectionsTestSupport {

    @Autowired
    MeterRegistry registry;

    /** A projection nobody runs: its consumer group only moves when the test commits for it. */
    private static final Projection IDLE = new Projection() {
        @Override
        public String name() {
            return "metrics-probe";
        }

        @Override
        public Set<AggregateType> sources() {
            return Set.of(AggregateType.PRODUCT);
        }

        @Override
        public void apply(EventRecord record, DomainEvent event) {
        }
    };

    @Test
    void lag_counts_what_the_group_has_not_committed_and_drops_to_zero_once_it_has() throws Exception {
        publish(0, new ProductRegistered(unique("LAG"), "Lag tea", "tea", 100, 1));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                Infrastructures.shared().kafkaBootstrapServers()))) {
            ProjectionMetrics metrics = new ProjectionMetrics(List.of(IDLE), admin, ProjectionGroups.DEFAULT, meters,
                    Clock.fixed(Instant.parse("2026-11-22T12:00:10Z"), ZoneOffset.UTC));
            metrics.applied("metrics-probe", Instant.parse("2026-11-22T12:00:00Z"));

            metrics.refresh();
            double behind = meters.get("groupbuy.projection.lag.events").tag("projection", "metrics-probe")
                    .gauge().value();
            assertThat(behind).isPositive();
            assertThat(meters.get("groupbuy.projection.lag.seconds").gauge().value()).isEqualTo(10.0);

            Map<TopicPartition, OffsetAndMetadata> everything = new HashMap<>();
            admin.listOffsets(admin.describeTopics(List.of(Topics.eventsOf(AggregateType.PRODUCT))).allTopicNames()
                            .get().values().iterator().next().partitions().stream()
                            .collect(java.util.stream.Collectors.toMap(
                                    p -> new TopicPartition(Topics.eventsOf(AggregateType.PRODUCT), p.partition()),
                                    p -> org.apache.kafka.clients.admin.OffsetSpec.latest())))
                    .all().get().forEach((partition, end) -> everything.put(partition,
                            new OffsetAndMetadata(end.offset())));
            admin.alterConsumerGroupOffsets(ProjectionGroups.DEFAULT.live("metrics-probe"), everything).all().get();

            metrics.refresh();
            assertThat(meters.get("groupbuy.projection.lag.events").gauge().value()).isZero();
            assertThat(meters.get("groupbuy.projection.lag.seconds").gauge().value()).isZero();
        }
    }

    @Test
    void a_poison_record_counts_as_a_dead_letter_of_each_projection_that_met_it() {
        double before = deadLetters("catalog");

        kafka.send(Topics.eventsOf(AggregateType.PRODUCT), unique("POISON"),
                "not an event record".getBytes(StandardCharsets.UTF_8)).join();

        eventually(() -> assertThat(deadLetters("catalog")).isEqualTo(before + 1));
    }

    private double deadLetters(String projection) {
        return registry.get("groupbuy.projection.dead.letters").tag("projection", projection).counter().count();
    }
}
