package com.groupbuy.command.order;

import com.groupbuy.command.RealServers;
import com.groupbuy.events.coupon.CouponTerms;
import com.groupbuy.events.coupon.CouponType;
import com.groupbuy.events.order.OrderConfirmed;
import com.groupbuy.events.order.OrderRejected;
import com.groupbuy.infra.Infrastructures;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.awaitility.Awaitility.await;

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

    List<? extends EventMessage<?>> eventsOf(String aggregateId) {
        return eventStore.readEvents(aggregateId).asStream().toList();
    }

    List<String> eventTypesOf(String aggregateId) {
        return eventsOf(aggregateId).stream().map(e -> e.getPayloadType().getSimpleName()).toList();
    }

    /** The first outcome of each order: CONFIRMED, or the rejection reason. */
    List<String> awaitOutcomes(List<String> orderIds) {
        List<String> outcomes = new ArrayList<>();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
            outcomes.clear();
            for (String id : orderIds) {
                outcomeOf(id).ifPresent(outcomes::add);
            }
            return outcomes.size() == orderIds.size();
        });
        return outcomes;
    }

    private Optional<String> outcomeOf(String orderId) {
        return eventsOf(orderId).stream().map(EventMessage::getPayload)
                .map(payload -> switch (payload) {
                    case OrderConfirmed confirmed -> "CONFIRMED";
                    case OrderRejected rejected -> rejected.reason();
                    default -> null;
                })
                .filter(Objects::nonNull)
                .findFirst();
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
