package com.groupbuy.projections.maintenance;

import com.groupbuy.contract.Topics;
import com.groupbuy.projections.consumer.Projection;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.ConsumerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads a projection's event topics from offset 0 without a consumer group (it commits nothing and disturbs no
 * live consumer), up to given offsets per partition and never past them.
 */
final class RebuildConsumer implements AutoCloseable {

    private static final int GIVE_UP_AFTER_EMPTY_POLLS = 120;

    private final Consumer<String, byte[]> consumer;
    private final List<TopicPartition> partitions = new ArrayList<>();
    private final Map<TopicPartition, Long> beginnings;
    private final AtomicLong read;

    RebuildConsumer(ConsumerFactory<String, byte[]> factory, Projection projection, AtomicLong read) {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        overrides.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Integer.toString(64 * 1024 * 1024));
        overrides.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(8 * 1024 * 1024));
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        this.consumer = factory.createConsumer(null, "rebuild-" + projection.name(), null, overrides);
        this.read = read;
        for (String topic : projection.sources().stream().map(Topics::eventsOf).sorted().toList()) {
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        this.beginnings = consumer.beginningOffsets(partitions);
    }

    Map<TopicPartition, Long> endOffsets() {
        return consumer.endOffsets(partitions);
    }

    /** The next offset to read per partition: everything below it has been handed over. */
    Map<TopicPartition, Long> positions() {
        Map<TopicPartition, Long> positions = new HashMap<>();
        partitions.forEach(p -> positions.put(p, consumer.position(p)));
        return positions;
    }

    /** The live positions filled in with the log start for partitions the live projection never read. */
    Map<TopicPartition, Long> complete(Map<TopicPartition, Long> live) {
        Map<TopicPartition, Long> complete = new HashMap<>();
        partitions.forEach(p -> complete.put(p, live.getOrDefault(p, beginnings.get(p))));
        return complete;
    }

    /** Whether this reader has handed over a record that the live positions do not cover yet. */
    boolean isAheadOf(Map<TopicPartition, Long> live) {
        Map<TopicPartition, Long> complete = complete(live);
        return partitions.stream().anyMatch(p -> consumer.position(p) > complete.get(p));
    }

    /** Hands over every record below {@code targets} (per partition, in order), one poll at a time. */
    void applyUntil(Map<TopicPartition, Long> targets, java.util.function.Consumer<List<ConsumerRecord<String, byte[]>>> apply) {
        int emptyPolls = 0;
        while (true) {
            List<TopicPartition> behind = partitions.stream()
                    .filter(p -> consumer.position(p) < targets.getOrDefault(p, 0L)).toList();
            if (behind.isEmpty()) {
                return;
            }
            consumer.pause(partitions);
            consumer.resume(behind);
            ConsumerRecords<String, byte[]> polled = consumer.poll(Duration.ofMillis(500));
            List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>(polled.count());
            for (TopicPartition partition : polled.partitions()) {
                long target = targets.getOrDefault(partition, 0L);
                for (ConsumerRecord<String, byte[]> record : polled.records(partition)) {
                    if (record.offset() >= target) {
                        consumer.seek(partition, record.offset());
                        break;
                    }
                    batch.add(record);
                }
            }
            if (batch.isEmpty()) {
                if (++emptyPolls > GIVE_UP_AFTER_EMPTY_POLLS) {
                    throw new IllegalStateException("no records arrive below " + targets + " (at " + positions() + ")");
                }
                continue;
            }
            emptyPolls = 0;
            read.addAndGet(batch.size());
            apply.accept(batch);
        }
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
