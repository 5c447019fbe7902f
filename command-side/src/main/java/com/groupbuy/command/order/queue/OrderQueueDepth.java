package com.groupbuy.command.order.queue;

import com.groupbuy.contract.Topics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code groupbuy_order_queue_depth}: how many order requests wait for the workers, from the broker's offsets
 * (log end minus the group's committed offset, summed over the partitions). Computed from the broker, not from a
 * consumer's own metrics, so it stays right while the workers are down or scaled to their minimum; the workers'
 * HorizontalPodAutoscaler scales on it.
 */
public class OrderQueueDepth {

    public static final String METRIC = "groupbuy.order.queue.depth";
    private static final Logger log = LoggerFactory.getLogger(OrderQueueDepth.class);

    private final OrderQueueProgress progress;
    private final AtomicLong depth = new AtomicLong();

    public OrderQueueDepth(OrderQueueProgress progress, MeterRegistry registry) {
        this.progress = progress;
        Gauge.builder(METRIC, depth, AtomicLong::get)
                .description("Order requests waiting for the order workers (consumer group lag)")
                .tag("topic", Topics.ORDER_REQUESTS)
                .tag("consumergroup", Topics.ORDER_WORKERS_GROUP)
                .register(registry);
    }

    /** Asks the broker again; called on a schedule. Keeps the last value when the broker cannot be reached. */
    public void refresh() {
        try {
            depth.set(progress.depth());
        } catch (Exception e) {
            log.warn("could not measure the order queue depth: {}", e.toString());
        }
    }
}
