package com.groupbuy.command.infrastructure.relay;

import com.groupbuy.command.infrastructure.tracing.TraceContextMetadata;
import com.groupbuy.contract.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.Serializer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;

import javax.sql.DataSource;

/** The event relay and the event topics it writes to (kept forever: every read model is rebuilt from them). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "groupbuy.relay.enabled", havingValue = "true", matchIfMissing = true)
class RelayConfiguration {

    static final String PROCESSING_GROUP = "kafka-relay";

    @Bean
    KafkaEventRelay kafkaEventRelay(KafkaTemplate<String, byte[]> kafka,
                                    @Value("${groupbuy.relay.ack-timeout-ms:30000}") long ackTimeoutMillis,
                                    TraceContextMetadata traces) {
        return new KafkaEventRelay(kafka, ackTimeoutMillis, traces);
    }

    /**
     * Starts from the first stored event, and lets a failed batch fail the processor (which retries it) instead
     * of logging and moving on, which would lose the event for every read model.
     */
    @Bean
    ConfigurerModule relayProcessorModule(@Value("${groupbuy.relay.segments:4}") int segments,
                                          @Value("${groupbuy.relay.batch-size:200}") int batchSize) {
        return configurer -> configurer.eventProcessing(processing -> processing
                .registerPooledStreamingEventProcessor(PROCESSING_GROUP,
                        org.axonframework.config.Configuration::eventStore,
                        (config, builder) -> builder
                                .initialSegmentCount(segments)
                                .batchSize(batchSize)
                                .initialToken(StreamableMessageSource::createTailToken))
                .registerListenerInvocationErrorHandler(PROCESSING_GROUP,
                        config -> PropagatingErrorHandler.instance()));
    }

    @Bean
    RelayBacklog relayBacklog(EventStore eventStore, DataSource dataSource, Serializer serializer,
                              MeterRegistry registry) {
        return new RelayBacklog(eventStore, JdbcClient.create(dataSource), serializer, registry);
    }

    /** Written with {@code acks=all}: a batch is published once {@code min.insync.replicas} replicas hold it. */
    @Bean
    KafkaAdmin.NewTopics eventTopics(@Value("${groupbuy.kafka.event-partitions:12}") int partitions,
                                     @Value("${groupbuy.kafka.replication-factor:1}") int replicas,
                                     @Value("${groupbuy.kafka.min-insync-replicas:1}") int minInsync) {
        return new KafkaAdmin.NewTopics(Topics.allEventTopics().stream()
                .map(topic -> TopicBuilder.name(topic)
                        .partitions(partitions)
                        .replicas(replicas)
                        .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
                        .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(minInsync))
                        .build())
                .toArray(NewTopic[]::new));
    }
}
