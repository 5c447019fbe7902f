package com.groupbuy.projections.maintenance;

import com.groupbuy.contract.Topics;
import com.groupbuy.projections.consumer.ProjectionConsumers;
import com.groupbuy.projections.consumer.ProjectionMetrics;
import com.groupbuy.projections.consumer.ProjectionPositions;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * {@code GET /admin/overview}: what an operator watches in one answer, for the console's operator view: the order
 * queue's depth and, per projection, its position, lag and dead letters, as last measured from the broker's offsets
 * (every {@code groupbuy.projections.lag-refresh}). An admin's token, like every {@code /admin/**} call.
 */
@RestController
class OperationsOverviewController {

    private final Rebuilds rebuilds;
    private final ProjectionConsumers live;
    private final ProjectionPositions positions;
    private final ProjectionMetrics metrics;
    private final Clock clock = Clock.systemUTC();

    OperationsOverviewController(Rebuilds rebuilds, ProjectionConsumers live, ProjectionPositions positions,
                                 ProjectionMetrics metrics) {
        this.rebuilds = rebuilds;
        this.live = live;
        this.positions = positions;
        this.metrics = metrics;
    }

    /** {@code depth} is -1 until the broker answered the first time. */
    record OrderQueue(String topic, String consumerGroup, long depth) {
    }

    record ProjectionState(String name, String store, boolean consumesHere, long position, long lagEvents,
                           double lagSeconds, long deadLettered, long deadLettersPending,
                           RebuildStatus lastRebuild) {
    }

    record Overview(Instant at, OrderQueue orderQueue, List<ProjectionState> projections) {
    }

    @GetMapping("/admin/overview")
    Overview overview() {
        List<ProjectionState> projections = rebuilds.all().stream().map(p -> {
            ProjectionMetrics.Lag lag = metrics.lagOf(p.name());
            long position = positions.of(p.name()).values().stream().mapToLong(Long::longValue).sum();
            return new ProjectionState(p.name(), Rebuilds.storeOf(p), live.runs(p.name()), position, lag.events(),
                    lag.seconds(), lag.deadLettered(), lag.deadLettersPending(),
                    rebuilds.status(p.name()).orElse(null));
        }).toList();
        return new Overview(clock.instant(),
                new OrderQueue(Topics.ORDER_REQUESTS, Topics.ORDER_WORKERS_GROUP, metrics.orderQueueDepth()),
                projections);
    }
}
