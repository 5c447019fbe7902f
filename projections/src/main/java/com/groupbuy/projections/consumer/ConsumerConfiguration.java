package com.groupbuy.projections.consumer;

import com.groupbuy.contract.Topics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProjectionSettings.class)
class ConsumerConfiguration {

    @Bean
    ProjectionConsumers projectionConsumers(List<Projection> projections, ConsumerFactory<String, byte[]> consumers,
                                            KafkaTemplate<String, byte[]> deadLetters, ProjectionSettings settings,
                                            ProjectionMetrics metrics, TransactionTemplate transactions,
                                            ProjectionPositions positions, AppliedRecordTraces traces) {
        return new ProjectionConsumers(projections, consumers, deadLetters, settings, metrics, transactions,
                positions, traces);
    }

    @Bean
    AppliedRecordTraces appliedRecordTraces(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new AppliedRecordTraces(tracer.getIfAvailable(() -> Tracer.NOOP),
                propagator.getIfAvailable(() -> Propagator.NOOP));
    }

    @Bean
    ProjectionGroups projectionGroups(ProjectionSettings settings) {
        return settings.groups();
    }

    @Bean
    ProjectionPositions projectionPositions(JdbcTemplate jdbc) {
        return new ProjectionPositions(jdbc);
    }

    @Bean(destroyMethod = "close")
    ProjectionMetrics projectionMetrics(List<Projection> projections, KafkaAdmin kafkaAdmin, ProjectionGroups groups,
                                        MeterRegistry registry) {
        return new ProjectionMetrics(projections, Admin.create(kafkaAdmin.getConfigurationProperties()), groups,
                registry, Clock.systemUTC());
    }

    @Bean(destroyMethod = "shutdown")
    ScheduledExecutorService projectionLagRefresher(ProjectionMetrics metrics,
            @Value("${groupbuy.projections.lag-refresh:5s}") Duration every) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("projection-lag").daemon().factory());
        scheduler.scheduleWithFixedDelay(metrics::refresh, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return scheduler;
    }

    /**
     * The event topics (so projections can start before the first event) and their dead-letter topics, written with
     * {@code acks=all} once {@code min.insync.replicas} replicas hold a record.
     */
    @Bean
    KafkaAdmin.NewTopics eventAndDeadLetterTopics(@Value("${groupbuy.kafka.event-partitions:12}") int partitions,
                                                  @Value("${groupbuy.kafka.replication-factor:1}") int replicas,
                                                  @Value("${groupbuy.kafka.min-insync-replicas:1}") int minInsync) {
        return new KafkaAdmin.NewTopics(Topics.allEventTopics().stream()
                .flatMap(topic -> Stream.of(topic, Topics.deadLetterOf(topic)))
                .map(topic -> TopicBuilder.name(topic)
                        .partitions(partitions)
                        .replicas(replicas)
                        .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
                        .config(TopicConfig.MIN_IN_SYNC_REPLICAS_CONFIG, Integer.toString(minInsync))
                        .build())
                .toArray(NewTopic[]::new));
    }
}
