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
    private final MeterRegistry registry;
    private final AtomicLong depth = new AtomicLong();
    private Gauge gauge;

    public OrderQueueDepth(OrderQueueProgress progress, MeterRegistry registry) {
        this.progress = progress;
        this.registry = registry;
    }

    /**
     * Asks the broker again; called on a schedule. While the broker cannot be reached the gauge is absent, not its
     * last value: a stale depth would hold the workers' autoscaler where it was, an absent one makes the HPA keep
     * the replicas it has and lets the {@code ...DepthMissing} alert fire.
     */
    public synchronized void refresh() {
        try {
            depth.set(progress.depth());
            if (gauge == null) {
                gauge = Gauge.builder(METRIC, depth, AtomicLong::get)
                        .description("Order requests waiting for the order workers (consumer group lag)")
                        .tag("topic", Topics.ORDER_REQUESTS)
                        .tag("consumergroup", Topics.ORDER_WORKERS_GROUP)
                        .register(registry);
            }
        } catch (Exception e) {
            log.warn("could not measure the order queue depth: {}", e.toString());
            if (gauge != null) {
                registry.remove(gauge);
                gauge = null;
            }
        }
    }
}
