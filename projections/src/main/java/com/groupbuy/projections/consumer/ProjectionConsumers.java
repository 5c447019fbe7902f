package com.groupbuy.projections.consumer;

import com.groupbuy.contract.Topics;
import com.groupbuy.events.MalformedEventRecordException;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One Kafka listener container per projection, each in its own consumer group over the topics it reads, applying
 * a whole poll per transaction. A record that fails because a store is away is tried again until the store is back;
 * one that still fails for any other reason after bounded retries goes to {@code <topic>.dlq} with the error in its
 * headers, and the projection moves on.
 */
public final class ProjectionConsumers implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ProjectionConsumers.class);

    private final Map<String, ConcurrentMessageListenerContainer<String, byte[]>> containers = new LinkedHashMap<>();
    private volatile boolean running;

    ProjectionConsumers(List<Projection> projections, ConsumerFactory<String, byte[]> consumers,
                        KafkaTemplate<String, byte[]> deadLetters, ProjectionSettings settings,
                        ProjectionMetrics metrics, TransactionTemplate transactions, ProjectionPositions positions,
                        AppliedRecordTraces traces) {
        for (Projection projection : projections) {
            if (settings.runs(projection.name())) {
                containers.put(projection.name(), containerFor(projection, consumers, deadLetters, settings, metrics,
                        new ProjectionListener(projection, metrics, transactions, positions,
                                settings.crashPoint(), traces)));
            }
        }
    }

    private static ConcurrentMessageListenerContainer<String, byte[]> containerFor(
            Projection projection, ConsumerFactory<String, byte[]> consumers,
            KafkaTemplate<String, byte[]> deadLetters, ProjectionSettings settings, ProjectionMetrics metrics,
            ProjectionListener listener) {
        ContainerProperties properties = new ContainerProperties(
                projection.sources().stream().map(Topics::eventsOf).sorted().toArray(String[]::new));
        properties.setGroupId(settings.groups().live(projection.name()));
        properties.setAckMode(ContainerProperties.AckMode.BATCH);
        properties.setMessageListener(listener);

        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetters,
                (record, error) -> new TopicPartition(Topics.deadLetterOf(record.topic()), -1));
        DefaultErrorHandler errorHandler = new DefaultErrorHandler((record, error) -> {
            log.warn("{} dead-letters {}-{}@{}", projection.name(), record.topic(), record.partition(),
                    record.offset(), error);
            recoverer.accept(record, error);
            metrics.deadLettered(projection.name());
        },
                new FixedBackOff(settings.retryBackoff().toMillis(), settings.retries()));
        errorHandler.addNotRetryableExceptions(MalformedEventRecordException.class);
        errorHandler.setBackOffFunction((record, error) -> StoreOutage.causedBy(error)
                ? untilTheStoreIsBack(settings) : null);

        ConcurrentMessageListenerContainer<String, byte[]> container =
                new ConcurrentMessageListenerContainer<>(consumers, properties);
        container.setConcurrency(settings.concurrency());
        container.setCommonErrorHandler(errorHandler);
        container.setBeanName("projection-" + projection.name());
        return container;
    }

    /** From the usual back-off up to 10 s between tries, for as long as it takes. */
    private static BackOff untilTheStoreIsBack(ProjectionSettings settings) {
        ExponentialBackOff backOff = new ExponentialBackOff(settings.retryBackoff().toMillis(), 2);
        backOff.setMaxInterval(Math.max(settings.retryBackoff().toMillis(), 10_000));
        return backOff;
    }

    /** Whether this process runs the projection's live consumers ({@code groupbuy.projections.run}). */
    public boolean runs(String projection) {
        return containers.containsKey(projection);
    }

    /** Stops this process's live consumers of one projection (they commit what they applied); no-op if absent. */
    public synchronized void stop(String projection) {
        ConcurrentMessageListenerContainer<String, byte[]> container = containers.get(projection);
        if (container != null && container.isRunning()) {
            container.stop();
        }
    }

    /** Starts them again, from the group's committed offsets; no-op if this process does not run it. */
    public synchronized void start(String projection) {
        ConcurrentMessageListenerContainer<String, byte[]> container = containers.get(projection);
        if (container != null && running && !container.isRunning()) {
            container.start();
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        containers.values().forEach(ConcurrentMessageListenerContainer::start);
    }

    /**
     * Marks the consumers stopped before stopping them, under the same lock as {@link #start(String)}: a rebuild
     * finishing meanwhile must not start a projection's consumers again behind the stop (they would keep consuming
     * in a process that is shutting down or paused).
     */
    @Override
    public synchronized void stop() {
        running = false;
        containers.values().forEach(ConcurrentMessageListenerContainer::stop);
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
