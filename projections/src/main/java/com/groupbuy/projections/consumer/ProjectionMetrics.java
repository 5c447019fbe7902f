package com.groupbuy.projections.consumer;

import com.groupbuy.contract.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How far each projection is behind: {@code groupbuy_projection_lag_events} (records on its topics not yet
 * committed by its consumer group, from the broker's offsets, so it is right even while the projection is down),
 * {@code groupbuy_projection_lag_seconds} (while behind, the age of the last event it applied),
 * {@code groupbuy_projection_dead_letters_total} and {@code groupbuy_projection_dead_letters_pending} (records on the
 * dead-letter topics of its sources that its replay has not read yet, from the broker's offsets: a dead letter waits
 * there until someone fixes its cause and replays it).
 *
 * <p>It also measures the order workers' queue the same way ({@link #orderQueueDepth()}), for the operator's overview
 * ({@code GET /admin/overview}): the api exports that depth as a metric for the workers' autoscaler, the console
 * reads it here beside the projections' lag, from the same broker offsets.
 */
public final class ProjectionMetrics implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ProjectionMetrics.class);

    private final Admin admin;
    private final ProjectionGroups groups;
    private final Clock clock;
    private final Map<String, Tracked> tracked;
    private final AtomicLong orderQueueDepth = new AtomicLong(-1);

    /**
     * Where a projection stands: records not applied yet, seconds behind while behind, records it dead-lettered
     * since this process started, and dead letters its replay has not read yet.
     */
    public record Lag(long events, double seconds, long deadLettered, long deadLettersPending) {
    }

    private record Tracked(Projection projection, AtomicLong lagEvents, AtomicReference<Instant> lastApplied,
                           Counter deadLetters, AtomicLong deadLettersPending) {
    }

    ProjectionMetrics(List<Projection> projections, Admin admin, ProjectionGroups groups, MeterRegistry registry,
                      Clock clock) {
        this.admin = admin;
        this.groups = groups;
        this.clock = clock;
        this.tracked = projections.stream().collect(Collectors.toUnmodifiableMap(Projection::name, projection -> {
            Tracked t = new Tracked(projection, new AtomicLong(), new AtomicReference<>(),
                    Counter.builder("groupbuy.projection.dead.letters").tag("projection", projection.name())
                            .description("Event records the projection sent to a dead-letter topic")
                            .register(registry), new AtomicLong());
            Gauge.builder("groupbuy.projection.dead.letters.pending", t.deadLettersPending(), AtomicLong::get)
                    .tag("projection", projection.name())
                    .description("Dead letters of the projection's sources its replay has not read yet")
                    .register(registry);
            Gauge.builder("groupbuy.projection.lag.events", t.lagEvents(), AtomicLong::get)
                    .tag("projection", projection.name())
                    .description("Event records the projection has not applied yet").register(registry);
            Gauge.builder("groupbuy.projection.lag.seconds", t, this::lagSeconds)
                    .tag("projection", projection.name())
                    .description("While behind: age of the last event the projection applied").register(registry);
            return t;
        }));
    }

    void applied(String projection, Instant occurredAt) {
        tracked.get(projection).lastApplied().set(occurredAt);
    }

    void deadLettered(String projection) {
        tracked.get(projection).deadLetters().increment();
    }

    /** The last measure of the projection's lag; the projection must be one of this process's. */
    public Lag lagOf(String projection) {
        Tracked t = tracked.get(projection);
        return new Lag(t.lagEvents().get(), lagSeconds(t), (long) t.deadLetters().count(),
                t.deadLettersPending().get());
    }

    /** Order requests the order workers have not committed yet, at the last measure; -1 before the first one. */
    public long orderQueueDepth() {
        return orderQueueDepth.get();
    }

    /** Asks the broker again; called on a schedule. Keeps the last values when the broker cannot be reached. */
    void refresh() {
        try {
            orderQueueDepth.set(lagOf(Topics.ORDER_WORKERS_GROUP, existing(List.of(Topics.ORDER_REQUESTS))));
        } catch (Exception e) {
            log.warn("could not measure the order queue depth: {}", e.toString());
        }
        for (Tracked t : tracked.values()) {
            Projection projection = t.projection();
            try {
                List<String> topics = projection.sources().stream().map(Topics::eventsOf).toList();
                t.lagEvents().set(lagOf(groups.live(projection.name()), topics));
                List<String> deadLetterTopics = topics.stream().map(Topics::deadLetterOf).toList();
                t.deadLettersPending().set(lagOf(groups.deadLetterReplay(projection.name()),
                        existing(deadLetterTopics)));
            } catch (Exception e) {
                log.warn("could not measure the lag of projection {}: {}", projection.name(), e.toString());
            }
        }
    }

    private double lagSeconds(Tracked t) {
        Instant last = t.lastApplied().get();
        if (t.lagEvents().get() == 0 || last == null) {
            return 0;
        }
        return Math.max(0, Duration.between(last, clock.instant()).toMillis() / 1000.0);
    }

    /** Dead-letter topics appear with their first dead letter, the order queue with the api. */
    private List<String> existing(List<String> topics) throws Exception {
        var names = admin.listTopics().names().get(10, TimeUnit.SECONDS);
        return topics.stream().filter(names::contains).toList();
    }

    /** Records on {@code topics} that {@code group} has not committed (all of them where it never committed). */
    private long lagOf(String group, List<String> topics) throws Exception {
        if (topics.isEmpty()) {
            return 0;
        }
        Map<TopicPartition, OffsetAndMetadata> committed = admin
                .listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        List<TopicPartition> partitions = admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS)
                .values().stream()
                .flatMap(topic -> topic.partitions().stream().map(p -> new TopicPartition(topic.name(), p.partition())))
                .toList();
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = offsets(partitions, OffsetSpec.latest());
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts =
                offsets(partitions, OffsetSpec.earliest());
        long lag = 0;
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata done = committed.get(partition);
            long from = done != null ? done.offset() : starts.get(partition).offset();
            lag += Math.max(0, ends.get(partition).offset() - from);
        }
        return lag;
    }

    private Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets(List<TopicPartition> partitions,
                                                                                 OffsetSpec spec) throws Exception {
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(Function.identity(), p -> spec)))
                .all().get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
