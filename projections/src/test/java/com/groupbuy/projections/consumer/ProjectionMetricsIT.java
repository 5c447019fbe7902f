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
import org.apache.kafka.clients.admin.NewTopic;
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

            commitEverything(admin, ProjectionGroups.DEFAULT.live("metrics-probe"),
                    Topics.eventsOf(AggregateType.PRODUCT));

            metrics.refresh();
            assertThat(meters.get("groupbuy.projection.lag.events").gauge().value()).isZero();
            assertThat(meters.get("groupbuy.projection.lag.seconds").gauge().value()).isZero();
        }
    }

    @Test
    void the_order_queue_depth_counts_the_requests_the_order_workers_have_not_committed() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                Infrastructures.shared().kafkaBootstrapServers()))) {
            ProjectionMetrics metrics = new ProjectionMetrics(List.of(IDLE), admin, ProjectionGroups.DEFAULT,
                    new SimpleMeterRegistry(), Clock.systemUTC());
            assertThat(metrics.orderQueueDepth()).as("before the first measure").isEqualTo(-1);
            if (!admin.listTopics().names().get().contains(Topics.ORDER_REQUESTS)) {
                admin.createTopics(List.of(new NewTopic(Topics.ORDER_REQUESTS, 3, (short) 1))).all().get();
            }
            metrics.refresh();
            long before = metrics.orderQueueDepth();

            for (int i = 0; i < 3; i++) {
                kafka.send(Topics.ORDER_REQUESTS, unique("order"), new byte[]{1}).join();
            }
            metrics.refresh();
            assertThat(metrics.orderQueueDepth()).isEqualTo(before + 3);

            commitEverything(admin, Topics.ORDER_WORKERS_GROUP, Topics.ORDER_REQUESTS);

            metrics.refresh();
            assertThat(metrics.orderQueueDepth()).isZero();
        }
    }

    @Test
    void a_poison_record_counts_as_a_dead_letter_of_each_projection_that_met_it() {
        double before = deadLetters("catalog");

        kafka.send(Topics.eventsOf(AggregateType.PRODUCT), unique("POISON"),
                "not an event record".getBytes(StandardCharsets.UTF_8)).join();

        eventually(() -> assertThat(deadLetters("catalog")).isEqualTo(before + 1));
    }

    /** Commits for {@code group} every record now on {@code topic}, as a consumer that has read them all. */
    private static void commitEverything(Admin admin, String group, String topic) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> everything = new HashMap<>();
        admin.listOffsets(admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().stream()
                        .collect(java.util.stream.Collectors.toMap(p -> new TopicPartition(topic, p.partition()),
                                p -> org.apache.kafka.clients.admin.OffsetSpec.latest())))
                .all().get()
                .forEach((partition, end) -> everything.put(partition, new OffsetAndMetadata(end.offset())));
        admin.alterConsumerGroupOffsets(group, everything).all().get();
    }

    private double deadLetters(String projection) {
        return registry.get("groupbuy.projection.dead.letters").tag("projection", projection).counter().count();
    }
}
