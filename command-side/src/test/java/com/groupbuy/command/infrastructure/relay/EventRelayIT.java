package com.groupbuy.command.infrastructure.relay;

import com.groupbuy.command.RealServers;
import com.groupbuy.command.product.model.AdjustStock;
import com.groupbuy.command.product.model.RegisterProduct;
import com.groupbuy.contract.Topics;
import com.groupbuy.events.AggregateType;
import com.groupbuy.events.EventRecord;
import com.groupbuy.events.EventRecordCodec;
import com.groupbuy.events.product.ProductRegistered;
import com.groupbuy.events.product.StockAdjusted;
import com.groupbuy.infra.Infrastructures;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The command side against a real PostgreSQL event store and a real Kafka broker. */
@SpringBootTest
@ActiveProfiles("worker")
class EventRelayIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealServers.wire(registry, "eventstore_relay_it");
    }

    @Autowired
    CommandGateway commands;
    @Autowired
    EventStorageEngine storageEngine;
    @Autowired
    TokenStore tokenStore;
    @Autowired
    TransactionManager transactionManager;

    @Test
    void events_are_stored_in_postgresql_with_durable_tokens_and_real_transactions() {
        assertThat(storageEngine).isInstanceOf(JdbcEventStorageEngine.class);
        assertThat(tokenStore).isInstanceOf(JdbcTokenStore.class);
        assertThat(transactionManager).isInstanceOf(SpringTransactionManager.class);
    }

    @Autowired
    org.axonframework.config.Configuration axon;

    @Test
    void commands_find_their_aggregate_through_the_resolver_that_remembers_each_command_types_target() {
        assertThat(axon.getComponent(CommandTargetResolver.class).getClass().getSimpleName())
                .isEqualTo("RememberingCommandTargetResolver");
    }

    @Autowired
    MeterRegistry registry;

    @Test
    void every_handled_command_is_counted_once_by_outcome() {
        double before = acceptedRegistrations();

        commands.sendAndWait(new RegisterProduct("COUNTED-" + UUID.randomUUID().toString().substring(0, 8),
                "Counted tea", "tea", 300, 10));

        assertThat(acceptedRegistrations()).isEqualTo(before + 1);
    }

    private double acceptedRegistrations() {
        var counter = registry.find("groupbuy.commands")
                .tags("command", "RegisterProduct", "outcome", "accepted").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void registering_a_sku_twice_fails_as_a_duplicate_aggregate() {
        String sku = "TWICE-" + UUID.randomUUID().toString().substring(0, 8);
        commands.sendAndWait(new RegisterProduct(sku, "Twice tea", "tea", 300, 10));

        assertThatThrownBy(() -> commands.sendAndWait(new RegisterProduct(sku, "Twice tea", "tea", 300, 10)))
                .isInstanceOf(AggregateStreamCreationException.class);
    }

    @Test
    void every_event_reaches_its_topic_in_the_spec_envelope_in_aggregate_order() {
        String sku = "RELAY-" + UUID.randomUUID().toString().substring(0, 8);
        commands.sendAndWait(new RegisterProduct(sku, "Relay tea", "tea", 300, 10));
        commands.sendAndWait(new AdjustStock(sku, 5));
        commands.sendAndWait(new AdjustStock(sku, -3));
        commands.sendAndWait(new AdjustStock(sku, 7));

        List<ConsumerRecord<String, byte[]>> records = readFromStart(Topics.eventsOf(AggregateType.PRODUCT), sku, 4);

        assertThat(records).hasSize(4).allSatisfy(r -> assertThat(r.key()).isEqualTo(sku));
        assertThat(records.stream().map(ConsumerRecord::partition).distinct()).hasSize(1);
        List<EventRecord> events = records.stream().map(r -> EventRecordCodec.decode(r.value())).toList();
        assertThat(events).extracting(EventRecord::sequence).containsExactly(0L, 1L, 2L, 3L);
        assertThat(events).extracting(EventRecord::eventType)
                .containsExactly("ProductRegistered", "StockAdjusted", "StockAdjusted", "StockAdjusted");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.aggregateType()).isEqualTo("product");
            assertThat(e.aggregateId()).isEqualTo(sku);
            assertThat(e.schemaVersion()).isEqualTo(1);
            assertThat(e.eventId()).isNotBlank();
            assertThat(e.occurredAt()).isNotNull();
        });
        assertThat(EventRecordCodec.payloadOf(events.get(0)))
                .contains(new ProductRegistered(sku, "Relay tea", "tea", 300, 10));
        assertThat(EventRecordCodec.payloadOf(events.get(3))).contains(new StockAdjusted(sku, 7, 19));
    }

    @Test
    void the_event_topics_carry_their_own_min_insync_replicas_rather_than_the_brokers_default() throws Exception {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.eventsOf(AggregateType.PRODUCT));
        try (Admin admin = Admin.create(Map.<String, Object>of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructures.shared().kafkaBootstrapServers()))) {
            ConfigEntry minInsync = admin.describeConfigs(List.of(topic)).all().get(10, TimeUnit.SECONDS).get(topic)
                    .get(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG);

            assertThat(minInsync.source()).isEqualTo(ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG);
            assertThat(minInsync.value()).as("groupbuy.kafka.min-insync-replicas, 1 on one broker").isEqualTo("1");
        }
    }

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void a_stopped_relay_shows_a_growing_backlog_and_it_drains_when_the_relay_runs_again() throws Exception {
        awaitBacklog(0);
        EventProcessor relay = processing.eventProcessor(RelayConfiguration.PROCESSING_GROUP).orElseThrow();
        relay.shutdownAsync().get(30, TimeUnit.SECONDS);
        try {
            String sku = "STALLED-" + UUID.randomUUID().toString().substring(0, 8);
            commands.sendAndWait(new RegisterProduct(sku, "Stalled tea", "tea", 300, 10));
            commands.sendAndWait(new AdjustStock(sku, 5));

            assertThat(backlog()).as("two events stored, none published").isEqualTo(2);
        } finally {
            relay.start();
        }
        awaitBacklog(0);
    }

    private double backlog() {
        return registry.get(RelayBacklog.METRIC).gauge().value();
    }

    private void awaitBacklog(double expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (backlog() != expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(backlog()).isEqualTo(expected);
    }

    private static List<ConsumerRecord<String, byte[]>> readFromStart(String topic, String key, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructures.shared().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "relay-it-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (found.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
            }
        }
        return found;
    }
}
