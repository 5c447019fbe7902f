package com.groupbuy.projections.maintenance;

import com.groupbuy.contract.Topics;
import com.groupbuy.projections.consumer.DecodedEvent;
import com.groupbuy.projections.consumer.Projection;
import com.groupbuy.projections.consumer.ProjectionConsumers;
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
 * sources from where the last replay stopped (consumer group {@code groupbuy-projections.<name>.dlq-replay}) up
 * to their current end, and applies each record that this projection dead-lettered. A record that fails again
 * goes back to the end of its dead-letter topic, with the new error, for a later replay.
 */
final class DeadLetterReplay {

    static final String REPLAY_ERROR_HEADER = "groupbuy-replay-error";
    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplay.class);

    private final ConsumerFactory<String, byte[]> consumers;
    private final KafkaTemplate<String, byte[]> producer;
    private final TransactionTemplate transactions;

    DeadLetterReplay(ConsumerFactory<String, byte[]> consumers, KafkaTemplate<String, byte[]> producer,
                     TransactionTemplate transactions) {
        this.consumers = consumers;
        this.producer = producer;
        this.transactions = transactions;
    }

    public record Result(String projection, int read, int applied, int failedAgain, int otherProjections) {
    }

    synchronized Result replay(Projection projection) {
        String group = ProjectionConsumers.groupOf(projection.name());
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        int read = 0;
        int applied = 0;
        int failed = 0;
        int others = 0;
        try (Consumer<String, byte[]> consumer = consumers.createConsumer(
                ProjectionConsumers.deadLetterReplayGroupOf(projection.name()),
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
        return new Result(projection.name(), read, applied, failed, others);
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
