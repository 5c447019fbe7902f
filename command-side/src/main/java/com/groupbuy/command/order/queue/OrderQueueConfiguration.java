package com.groupbuy.command.order.queue;

import com.groupbuy.command.infrastructure.axon.EventProcessors;
import com.groupbuy.command.infrastructure.tracing.TraceContextMetadata;
import com.groupbuy.command.order.process.OrderCompensation;
import com.groupbuy.command.order.process.OrderPlacementProcess;
import com.groupbuy.contract.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.axonframework.serialization.SerializationException;
import org.springframework.util.backoff.ExponentialBackOff;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The order queue: the api enqueues, the workers consume, place and compensate. */
@Configuration(proxyBeanMethods = false)
public class OrderQueueConfiguration {

    static final String CONTAINER_FACTORY = "orderRequestContainerFactory";

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    OrderQueue orderQueue(KafkaTemplate<String, byte[]> kafka, JsonMapper json,
                          @Value("${groupbuy.order-queue.ack-timeout:10s}") Duration ackTimeout,
                          TraceContextMetadata traces) {
        return new OrderQueue(kafka, json, ackTimeout, traces);
    }

    @Bean
    KafkaAdmin.NewTopics orderQueueTopics(@Value("${groupbuy.order-queue.partitions:12}") int partitions,
                                          @Value("${groupbuy.kafka.replication-factor:1}") int replicas,
                                          @Value("${groupbuy.kafka.min-insync-replicas:1}") int minInsync) {
        // with acks=all, a 202 for an order means min.insync.replicas brokers hold its request
        String inSync = Integer.toString(minInsync);
        return new KafkaAdmin.NewTopics(
                TopicBuilder.name(Topics.ORDER_REQUESTS).partitions(partitions).replicas(replicas)
                        .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, inSync).build(),
                TopicBuilder.name(Topics.deadLetterOf(Topics.ORDER_REQUESTS)).partitions(partitions)
                        .replicas(replicas).config("retention.ms", "-1")
                        .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, inSync).build());
    }

    /** The api publishes the queue depth the workers are scaled on, refreshed from the broker every few seconds. */
    @Bean(destroyMethod = "close")
    @Profile("api")
    OrderQueueProgress orderQueueProgress(KafkaAdmin kafkaAdmin) {
        return new OrderQueueProgress(Admin.create(kafkaAdmin.getConfigurationProperties()));
    }

    @Bean
    @Profile("api")
    OrderQueueDepth orderQueueDepth(OrderQueueProgress progress, MeterRegistry registry) {
        return new OrderQueueDepth(progress, registry);
    }

    @Bean(destroyMethod = "shutdown")
    @Profile("api")
    ScheduledExecutorService orderQueueDepthRefresher(OrderQueueDepth depth,
            @Value("${groupbuy.order-queue.depth-refresh:5s}") Duration every) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("order-queue-depth").daemon().factory());
        scheduler.scheduleWithFixedDelay(depth::refresh, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return scheduler;
    }

    /** The workers: consume the queue, place orders, and run the compensations that follow an order's end. */
    @Configuration(proxyBeanMethods = false)
    @Profile("worker")
    static class Workers {

        @Bean
        OrderPlacementProcess orderPlacementProcess(CommandGateway commands, Clock clock,
                                                    @Value("${groupbuy.orders.payment-window:15m}") Duration window) {
            return new OrderPlacementProcess(commands, clock, window);
        }

        @Bean
        OrderRequestListener orderRequestListener(OrderQueue queue, OrderPlacementProcess placement,
                                                  TraceContextMetadata traces) {
            return new OrderRequestListener(queue, placement, traces);
        }

        /**
         * A request that fails is retried with back-off for as long as it takes: a database, Redis or broker that went
         * away stops the partition until it is back (readiness says DOWN meanwhile) instead of turning accepted orders
         * into dead letters. Only a request that can never succeed (it does not decode, or its data breaks an
         * invariant of the code) goes to the dead-letter topic and its order is rejected.
         */
        @Bean(CONTAINER_FACTORY)
        ConcurrentKafkaListenerContainerFactory<String, byte[]> orderRequestContainerFactory(
                ConsumerFactory<String, byte[]> consumers, KafkaTemplate<String, byte[]> kafka, OrderQueue queue,
                CommandGateway commands,
                @Value("${groupbuy.order-queue.first-back-off:200ms}") Duration firstBackOff,
                @Value("${groupbuy.order-queue.max-back-off:10s}") Duration maxBackOff) {
            ConcurrentKafkaListenerContainerFactory<String, byte[]> factory =
                    new ConcurrentKafkaListenerContainerFactory<>();
            factory.setConsumerFactory(consumers);
            factory.getContainerProperties().setAckMode(ContainerProperties.AckMode.BATCH);
            ExponentialBackOff untilItWorks = new ExponentialBackOff(firstBackOff.toMillis(), 2);
            untilItWorks.setMaxInterval(maxBackOff.toMillis());
            DefaultErrorHandler errors = new DefaultErrorHandler(
                    new UnprocessableRequestRecoverer(kafka, queue, commands), untilItWorks);
            errors.addNotRetryableExceptions(JacksonException.class, SerializationException.class,
                    IllegalArgumentException.class, NullPointerException.class);
            factory.setCommonErrorHandler(errors);
            return factory;
        }

        @Bean
        OrderCompensation orderCompensation(CommandGateway commands, Clock clock) {
            return new OrderCompensation(commands, clock);
        }

        @Bean
        ConfigurerModule orderCompensationProcessor(@Value("${groupbuy.compensation.segments:2}") int segments) {
            return EventProcessors.pooledFromTheStart(OrderCompensation.PROCESSING_GROUP, segments);
        }
    }
}
