package com.groupbuy.command.order;

import com.groupbuy.command.RealServers;
import com.groupbuy.command.StoredEvents;
import com.groupbuy.events.coupon.CouponTerms;
import com.groupbuy.events.coupon.CouponType;
import com.groupbuy.infra.Infrastructures;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;


/** Wiring and small helpers shared by the order flow's integration tests: real PostgreSQL and Kafka. */
abstract class OrderTestSupport {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        RealServers.wire(registry, "eventstore_orders_it");
    }

    @Autowired
    EventStore eventStore;

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static CouponTerms amountOffTerms() {
        Instant now = Instant.now();
        return new CouponTerms(CouponType.AMOUNT_OFF, 50, 0, 0, 0, Set.of(), Set.of(), now.minusSeconds(60),
                now.plus(Duration.ofDays(1)));
    }

    List<String> eventTypesOf(String aggregateId) {
        return new StoredEvents(eventStore).typesOf(aggregateId);
    }

    /** The first outcome of each order: CONFIRMED, or the rejection reason. */
    List<String> awaitOutcomes(List<String> orderIds) {
        return new StoredEvents(eventStore).awaitOutcomes(orderIds);
    }

    /** The keys on a topic, read from its start until {@code wanted} shows up or ten seconds pass. */
    static List<String> keysOn(String topic, String wanted) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructures.shared().kafkaBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> keys = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!keys.contains(wanted) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> keys.add(record.key()));
            }
        }
        return keys;
    }

    static boolean succeeded(Future<?> future) {
        try {
            future.get();
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    static <T> List<Future<T>> runConcurrently(List<Callable<T>> tasks) throws InterruptedException {
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(tasks.size(), 32))) {
            return pool.invokeAll(tasks);
        }
    }
}
