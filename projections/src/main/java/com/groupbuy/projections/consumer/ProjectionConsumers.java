package com.groupbuy.projections.consumer;

import com.groupbuy.contract.Topics;
import com.groupbuy.events.MalformedEventRecordException;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

import java.util.List;

/**
 * One Kafka listener container per projection, each in its own consumer group over the topics it reads. A record
 * that still fails after bounded retries goes to {@code <topic>.dlq} with the error in its headers, and the
 * projection moves on.
 */
final class ProjectionConsumers implements SmartLifecycle {

    static final String GROUP_PREFIX = Topics.PROJECTIONS_GROUP + ".";

    private final List<ConcurrentMessageListenerContainer<String, byte[]>> containers;
    private volatile boolean running;

    ProjectionConsumers(List<Projection> projections, ConsumerFactory<String, byte[]> consumers,
                        KafkaTemplate<String, byte[]> deadLetters, ProjectionSettings settings,
                        ProjectionMetrics metrics) {
        this.containers = projections.stream()
                .map(projection -> containerFor(projection, consumers, deadLetters, settings, metrics))
                .toList();
    }

    private static ConcurrentMessageListenerContainer<String, byte[]> containerFor(
            Projection projection, ConsumerFactory<String, byte[]> consumers,
            KafkaTemplate<String, byte[]> deadLetters, ProjectionSettings settings, ProjectionMetrics metrics) {
        ContainerProperties properties = new ContainerProperties(
                projection.sources().stream().map(Topics::eventsOf).sorted().toArray(String[]::new));
        properties.setGroupId(GROUP_PREFIX + projection.name());
        properties.setAckMode(ContainerProperties.AckMode.BATCH);
        properties.setMessageListener(new ProjectionListener(projection, metrics));

        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetters,
                (record, error) -> new TopicPartition(Topics.deadLetterOf(record.topic()), -1));
        DefaultErrorHandler errorHandler = new DefaultErrorHandler((record, error) -> {
            recoverer.accept(record, error);
            metrics.deadLettered(projection.name());
        },
                new FixedBackOff(settings.retryBackoff().toMillis(), settings.retries()));
        errorHandler.addNotRetryableExceptions(MalformedEventRecordException.class);

        ConcurrentMessageListenerContainer<String, byte[]> container =
                new ConcurrentMessageListenerContainer<>(consumers, properties);
        container.setConcurrency(settings.concurrency());
        container.setCommonErrorHandler(errorHandler);
        container.setBeanName("projection-" + projection.name());
        return container;
    }

    @Override
    public void start() {
        containers.forEach(ConcurrentMessageListenerContainer::start);
        running = true;
    }

    @Override
    public void stop() {
        containers.forEach(ConcurrentMessageListenerContainer::stop);
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
