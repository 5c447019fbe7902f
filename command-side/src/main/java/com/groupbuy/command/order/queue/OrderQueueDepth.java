package com.groupbuy.command.order.queue;

import com.groupbuy.contract.Topics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code groupbuy_order_queue_depth}: how many order requests wait for the workers, from the broker's offsets
 * (log end minus the group's committed offset, summed over the partitions). Computed from the broker, not from a
 * consumer's own metrics, so it stays right while the workers are down or scaled to their minimum; the workers'
 * HorizontalPodAutoscaler scales on it.
 */
public class OrderQueueDepth implements AutoCloseable {

    public static final String METRIC = "groupbuy.order.queue.depth";
    private static final Logger log = LoggerFactory.getLogger(OrderQueueDepth.class);

    private final Admin admin;
    private final AtomicLong depth = new AtomicLong();

    public OrderQueueDepth(Admin admin, MeterRegistry registry) {
        this.admin = admin;
        Gauge.builder(METRIC, depth, AtomicLong::get)
                .description("Order requests waiting for the order workers (consumer group lag)")
                .tag("topic", Topics.ORDER_REQUESTS)
                .tag("consumergroup", Topics.ORDER_WORKERS_GROUP)
                .register(registry);
    }

    /** Asks the broker again; called on a schedule. Keeps the last value when the broker cannot be reached. */
    public void refresh() {
        try {
            depth.set(measure());
        } catch (Exception e) {
            log.warn("could not measure the order queue depth: {}", e.toString());
        }
    }

    long measure() throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin
                .listConsumerGroupOffsets(Topics.ORDER_WORKERS_GROUP)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        var partitions = admin.describeTopics(java.util.List.of(Topics.ORDER_REQUESTS)).allTopicNames()
                .get(10, TimeUnit.SECONDS).get(Topics.ORDER_REQUESTS).partitions().stream()
                .map(p -> new TopicPartition(Topics.ORDER_REQUESTS, p.partition()))
                .toList();
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = offsets(partitions, OffsetSpec.latest());
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts = offsets(partitions, OffsetSpec.earliest());
        long total = 0;
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata done = committed.get(partition);
            long from = done != null ? done.offset() : starts.get(partition).offset();
            total += Math.max(0, ends.get(partition).offset() - from);
        }
        return total;
    }

    private Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets(
            java.util.List<TopicPartition> partitions, OffsetSpec spec) throws Exception {
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(Function.identity(), p -> spec)))
                .all().get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
