package com.groupbuy.projections.consumer;

import com.groupbuy.contract.Topics;
import com.groupbuy.events.EventRecordCodec;
import com.groupbuy.events.product.ProductRegistered;
import com.groupbuy.infra.Infrastructure;
import com.groupbuy.infra.Infrastructures;
import com.groupbuy.infra.TcpProxy;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The read-model database goes away while events arrive, and comes back: the projections wait for it instead of
 * dead-lettering the events, and every event is in the read model once PostgreSQL is reachable again.
 *
 * <p>This context has a read-model database of its own, so it has consumer groups of its own too: in the groups of
 * the other projection tests' contexts (still cached and consuming) it would get only some of the partitions.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@DirtiesContext
class ReadModelOutageIT {

    private static final String DATABASE = "readmodel_outage_it";
    private static final Infrastructure INFRA = Infrastructures.shared();
    private static final URI POSTGRES = URI.create(INFRA.jdbcUrl(DATABASE).substring("jdbc:".length()));
    private static final TcpProxy READ_MODEL = TcpProxy.to(POSTGRES.getHost(), POSTGRES.getPort());

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url",
                () -> "jdbc:postgresql://" + POSTGRES.getHost() + ":" + READ_MODEL.port() + POSTGRES.getRawPath());
        registry.add("spring.datasource.username", INFRA::jdbcUsername);
        registry.add("spring.datasource.password", INFRA::jdbcPassword);
        registry.add("spring.datasource.hikari.connection-timeout", () -> "250");
        registry.add("spring.kafka.bootstrap-servers", INFRA::kafkaBootstrapServers);
        registry.add("groupbuy.redis.url", INFRA::redisUrl);
        registry.add("groupbuy.projections.retry-backoff", () -> "50ms");
        registry.add("groupbuy.projections.run", () -> "catalog");
        registry.add("groupbuy.projections.group-prefix", () -> "groupbuy-projections-outage-it");
    }

    @AfterAll
    static void closeProxy() {
        READ_MODEL.close();
    }

    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry registry;
    @Autowired
    KafkaAdmin kafkaAdmin;
    @Autowired
    ProjectionGroups groups;

    @Test
    void events_that_arrive_while_the_read_model_database_is_down_are_all_applied_once_it_is_back()
            throws Exception {
        awaitCaughtUp();
        double deadLettersBefore = deadLetters();
        List<String> skus = IntStream.range(0, 10).mapToObj(i -> "OUTAGE-" + UUID.randomUUID()).toList();

        READ_MODEL.goDown();
        for (String sku : skus) {
            kafka.send(Topics.eventsOf(com.groupbuy.events.AggregateType.PRODUCT), sku, EventRecordCodec.encode(
                    EventRecordCodec.toRecord(UUID.randomUUID().toString(), 0, Instant.now(),
                            new ProductRegistered(sku, "Oolong", "tea", 400, 5)))).join();
        }
        Thread.sleep(Duration.ofSeconds(4));
        READ_MODEL.comeBack();

        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> assertThat(
                jdbc.sql("SELECT count(*) FROM catalog_product WHERE sku IN (:skus)").param("skus", skus)
                        .query(Long.class).single()).isEqualTo(10L));
        assertThat(deadLetters()).isEqualTo(deadLettersBefore);
    }

    /** This context's consumers start from the topic's beginning: the test starts once they have read it all. */
    private void awaitCaughtUp() {
        String topic = Topics.eventsOf(com.groupbuy.events.AggregateType.PRODUCT);
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                        .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(groups.live("catalog")).partitionsToOffsetAndMetadata().get();
                admin.listOffsets(latest).all().get().forEach((partition, end) -> assertThat(
                        committed.containsKey(partition) ? committed.get(partition).offset() : 0L)
                        .as("catalog's position on %s", partition).isEqualTo(end.offset()));
            });
        }
    }

    private double deadLetters() {
        return registry.find("groupbuy.projection.dead.letters").tag("projection", "catalog").counters().stream()
                .mapToDouble(io.micrometer.core.instrument.Counter::count).sum();
    }
}
