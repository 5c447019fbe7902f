package com.groupbuy.projections;

import com.groupbuy.contract.RedisKeys;
import com.groupbuy.contract.Topics;
import com.groupbuy.events.AggregateType;
import com.groupbuy.events.DomainEvent;
import com.groupbuy.events.EventRecordCodec;
import com.groupbuy.events.product.ProductRegistered;
import com.groupbuy.events.product.StockAdjusted;
import com.groupbuy.infra.Infrastructure;
import com.groupbuy.infra.Infrastructures;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The product projections fed through a real broker into real PostgreSQL and Redis. */
@SpringBootTest
class ProductProjectionsIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Infrastructure infra = Infrastructures.shared();
        registry.add("spring.datasource.url", () -> infra.jdbcUrl("readmodel_projections_it"));
        registry.add("spring.datasource.username", infra::jdbcUsername);
        registry.add("spring.datasource.password", infra::jdbcPassword);
        registry.add("spring.kafka.bootstrap-servers", infra::kafkaBootstrapServers);
        registry.add("groupbuy.redis.url", infra::redisUrl);
        registry.add("groupbuy.projections.retry-backoff", () -> "50ms");
    }

    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RedissonClient redis;

    private final String sku = "PROJ-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void a_product_and_its_stock_changes_appear_in_postgresql_and_redis() {
        publish(0, new ProductRegistered(sku, "Jasmine tea", "tea", 450, 20));
        publish(1, new StockAdjusted(sku, 5, 25));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(catalogRow()).containsEntry("stock_on_hand", 25).containsEntry("last_sequence", 1L);
            assertThat(cached()).containsEntry("availableStock", "25").containsEntry("name", "Jasmine tea")
                    .containsEntry("priceCents", "450").containsEntry("sequence", "1");
        });
    }

    @Test
    void a_redelivered_event_is_not_applied_twice() {
        publish(0, new ProductRegistered(sku, "Jasmine tea", "tea", 450, 20));
        publish(1, new StockAdjusted(sku, -4, 16));
        publish(1, new StockAdjusted(sku, -4, 16));
        publish(0, new ProductRegistered(sku, "Jasmine tea", "tea", 450, 20));
        publish(2, new StockAdjusted(sku, 10, 26));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(cached()).containsEntry("sequence", "2");
            assertThat(catalogRow()).containsEntry("last_sequence", 2L);
        });
        assertThat(cached()).containsEntry("availableStock", "26");
        assertThat(catalogRow()).containsEntry("stock_on_hand", 26);
    }

    @Test
    void a_poison_record_goes_to_the_dead_letter_topic_and_later_events_still_apply() {
        String topic = Topics.eventsOf(AggregateType.PRODUCT);
        kafka.send(topic, sku, "{\"this is\": \"not an event record\"}".getBytes(StandardCharsets.UTF_8)).join();
        publish(0, new ProductRegistered(sku, "Jasmine tea", "tea", 450, 20));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(cached()).containsEntry("availableStock", "20"));
        assertThat(deadLetterKeysUntil(Topics.deadLetterOf(topic), sku)).contains(sku);
    }

    @Test
    void events_of_unknown_types_are_skipped() {
        byte[] unknown = ("{\"eventId\":\"x\",\"eventType\":\"ProductRenamed\",\"schemaVersion\":1,"
                + "\"aggregateType\":\"product\",\"aggregateId\":\"" + sku + "\",\"sequence\":0,"
                + "\"occurredAt\":\"2026-11-22T10:00:00Z\",\"payload\":{\"sku\":\"" + sku + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
        kafka.send(Topics.eventsOf(AggregateType.PRODUCT), sku, unknown).join();
        publish(1, new ProductRegistered(sku, "Jasmine tea", "tea", 450, 20));

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(cached()).containsEntry("sequence", "1").containsEntry("availableStock", "20"));
    }

    private void publish(long sequence, DomainEvent event) {
        byte[] value = EventRecordCodec.encode(
                EventRecordCodec.toRecord(UUID.randomUUID().toString(), sequence, Instant.now(), event));
        kafka.send(Topics.eventsOf(event.aggregateType()), event.aggregateId(), value).join();
    }

    private Map<String, Object> catalogRow() {
        return jdbc.sql("SELECT stock_on_hand, last_sequence FROM catalog_product WHERE sku = ?")
                .param(sku).query().singleRow();
    }

    private Map<String, String> cached() {
        return redis.<String, String>getMap(RedisKeys.product(sku), StringCodec.INSTANCE).readAllMap();
    }

    private static List<String> deadLetterKeysUntil(String topic, String wanted) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructures.shared().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "dlq-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<String> keys = new java.util.ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!keys.contains(wanted) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach((ConsumerRecord<String, byte[]> r) -> keys.add(r.key()));
            }
            return keys;
        }
    }
}
