package com.groupbuy.projections.maintenance;

import com.groupbuy.contract.Topics;
import com.groupbuy.projections.consumer.DecodedEvent;
import com.groupbuy.projections.consumer.Projection;
import com.groupbuy.projections.consumer.ProjectionGroups;
import com.groupbuy.projections.consumer.ProjectionPositions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Applies a projection's dead letters again, once their cause is fixed: reads the {@code .dlq} topics of its
 * sources from where the last replay stopped (consumer group {@link ProjectionGroups#deadLetterReplay}) up
 * to their current end, and applies each record that this projection dead-lettered. A record that fails again
 * goes back to the end of its dead-letter topic, with the new error, for a later replay.
 *
 * <p>A dead letter whose aggregate has later events the live consumer went on to apply is <em>superseded</em>:
 * applying it now would come too late (the projections apply an aggregate's events in order and skip older ones),
 * so it is not counted as applied; the answer says how many there were, and the caller rebuilds the read model from
 * Kafka, which applies every event in order.
 */
final class DeadLetterReplay {

    static final String REPLAY_ERROR_HEADER = "groupbuy-replay-error";
    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplay.class);

    private final ConsumerFactory<String, byte[]> consumers;
    private final KafkaTemplate<String, byte[]> producer;
    private final TransactionTemplate transactions;
    private final ProjectionPositions positions;
    private final ProjectionGroups groups;

    DeadLetterReplay(ConsumerFactory<String, byte[]> consumers, KafkaTemplate<String, byte[]> producer,
                     TransactionTemplate transactions, ProjectionPositions positions, ProjectionGroups groups) {
        this.consumers = consumers;
        this.producer = producer;
        this.transactions = transactions;
        this.positions = positions;
        this.groups = groups;
    }

    /**
     * What a replay did: records read, applied, failed again (back in the dead-letter topic), of other projections,
     * and superseded (not applied: a rebuild must repair them); {@code rebuild} is the rebuild started for them.
     */
    public record Result(String projection, int read, int applied, int failedAgain, int otherProjections,
                         int superseded, RebuildStatus rebuild) {

        Result withRebuild(RebuildStatus started) {
            return new Result(projection, read, applied, failedAgain, otherProjections, superseded, started);
        }
    }

    synchronized Result replay(Projection projection) {
        String group = groups.live(projection.name());
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        int read = 0;
        int applied = 0;
        int failed = 0;
        int others = 0;
        int superseded = 0;
        Map<TopicPartition, Long> live = positions.of(projection.name());
        try (Consumer<String, byte[]> scanner = consumers.createConsumer(group + ".dlq-scan",
                "dlq-scan-" + projection.name(), null, overrides);
             Consumer<String, byte[]> consumer = consumers.createConsumer(
                     groups.deadLetterReplay(projection.name()),
                     "dlq-replay-" + projection.name(), null, overrides)) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : projection.sources().stream().map(Topics::eventsOf).map(Topics::deadLetterOf)
                    .sorted().toList()) {
                consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(partitions));
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata done = committed.get(partition);
                if (done == null) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seek(partition, done.offset());
                }
            }
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() >= ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    read++;
                    if (!group.equals(header(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP))) {
                        others++;
                    } else if (appliedLaterEventsOfItsAggregate(record, live, scanner)) {
                        log.warn("dead letter {}@{} of {} is superseded by later events of {}; a rebuild repairs it",
                                record.topic(), record.offset(), projection.name(), record.key());
                        superseded++;
                    } else if (applyAgain(projection, record)) {
                        applied++;
                    } else {
                        failed++;
                    }
                }
            }
            Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
            ends.forEach((partition, end) -> done.put(partition, new OffsetAndMetadata(end)));
            consumer.commitSync(done);
        }
        return new Result(projection.name(), read, applied, failed, others, superseded, null);
    }

    /**
     * Whether the live consumer applied a later record of the dead letter's aggregate (its key): one between the
     * dead letter's original offset and the consumer's position in the same partition of the events topic.
     */
    private static boolean appliedLaterEventsOfItsAggregate(ConsumerRecord<String, byte[]> deadLetter,
                                                            Map<TopicPartition, Long> live,
                                                            Consumer<String, byte[]> scanner) {
        Header topic = deadLetter.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_TOPIC);
        Header partition = deadLetter.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_PARTITION);
        Header offset = deadLetter.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET);
        if (topic == null || partition == null || offset == null || deadLetter.key() == null) {
            return false;
        }
        TopicPartition origin = new TopicPartition(new String(topic.value(), StandardCharsets.UTF_8),
                ByteBuffer.wrap(partition.value()).getInt());
        long from = ByteBuffer.wrap(offset.value()).getLong() + 1;
        long until = live.getOrDefault(origin, 0L);
        if (from >= until) {
            return false;
        }
        scanner.assign(List.of(origin));
        scanner.seek(origin, from);
        while (scanner.position(origin) < until) {
            for (ConsumerRecord<String, byte[]> later : scanner.poll(Duration.ofMillis(500))) {
                if (later.offset() < until && deadLetter.key().equals(later.key())) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean applyAgain(Projection projection, ConsumerRecord<String, byte[]> record) {
        try {
            List<DecodedEvent> events = DecodedEvent.decodeAll(projection.name(), List.of(record));
            transactions.executeWithoutResult(status -> projection.applyAll(events));
            return true;
        } catch (RuntimeException e) {
            log.warn("dead letter {}@{} still fails in {}: {}", record.topic(), record.offset(), projection.name(),
                    e.toString());
            RecordHeaders headers = new RecordHeaders(record.headers().toArray());
            headers.remove(REPLAY_ERROR_HEADER);
            headers.add(REPLAY_ERROR_HEADER, String.valueOf(e.getMessage()).getBytes(StandardCharsets.UTF_8));
            producer.send(new ProducerRecord<>(record.topic(), null, record.key(), record.value(), headers)).join();
            return false;
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
