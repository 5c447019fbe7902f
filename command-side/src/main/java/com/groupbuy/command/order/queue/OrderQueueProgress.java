package com.groupbuy.command.order.queue;

import com.groupbuy.contract.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * How far the order workers are through the order queue, from the broker's offsets: what has been written (log
 * end) and what the workers' group has committed, i.e. processed with its events stored.
 */
public class OrderQueueProgress implements AutoCloseable {

    private static final long TIMEOUT_SECONDS = 10;

    private final Admin admin;

    public OrderQueueProgress(Admin admin) {
        this.admin = admin;
    }

    /** Records written to the queue and not yet committed by the workers, summed over the partitions. */
    public long depth() throws Exception {
        return behind(written());
    }

    /** The log end of every partition: everything enqueued up to now. */
    public Map<TopicPartition, Long> written() throws Exception {
        return offsets(OffsetSpec.latest());
    }

    /** How many of the records up to {@code marks} the workers have not committed yet. */
    public long behind(Map<TopicPartition, Long> marks) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin
                .listConsumerGroupOffsets(Topics.ORDER_WORKERS_GROUP)
                .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        Map<TopicPartition, Long> starts = offsets(OffsetSpec.earliest());
        long total = 0;
        for (Map.Entry<TopicPartition, Long> mark : marks.entrySet()) {
            OffsetAndMetadata done = committed.get(mark.getKey());
            long from = done != null ? done.offset() : starts.getOrDefault(mark.getKey(), 0L);
            total += Math.max(0, mark.getValue() - from);
        }
        return total;
    }

    /** Waits until the workers have committed every record up to {@code marks}; false if that took too long. */
    public boolean awaitProcessed(Map<TopicPartition, Long> marks, Duration patience) throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        while (behind(marks) > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(50);
        }
        return true;
    }

    private Map<TopicPartition, Long> offsets(OffsetSpec spec) throws Exception {
        List<TopicPartition> partitions = admin.describeTopics(List.of(Topics.ORDER_REQUESTS)).allTopicNames()
                .get(TIMEOUT_SECONDS, TimeUnit.SECONDS).get(Topics.ORDER_REQUESTS).partitions().stream()
                .map(p -> new TopicPartition(Topics.ORDER_REQUESTS, p.partition()))
                .toList();
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(Function.identity(), p -> spec)))
                .all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
