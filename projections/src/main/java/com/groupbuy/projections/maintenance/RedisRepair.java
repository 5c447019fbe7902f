package com.groupbuy.projections.maintenance;

import com.groupbuy.projections.consumer.Projection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Watches the Redis read models' markers (their generation pointers): when one is missing, Redis came back empty
 * (or never had the model), and the model is rebuilt from Kafka. Runs on a schedule and once at start.
 */
final class RedisRepair implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(RedisRepair.class);

    private final Rebuilds rebuilds;
    private final List<Projection> projections;

    RedisRepair(Rebuilds rebuilds, List<Projection> projections) {
        this.rebuilds = rebuilds;
        this.projections = projections;
    }

    @Override
    public void run() {
        for (Projection projection : projections) {
            try {
                if (projection instanceof RedisReadModel model && model.currentGeneration().isEmpty()
                        && !rebuilds.running(projection.name())) {
                    log.warn("the Redis read model of {} is missing: rebuilding it from Kafka", projection.name());
                    rebuilds.start(projection.name());
                }
            } catch (RuntimeException e) {
                log.warn("could not check or repair {}: {}", projection.name(), e.toString());
            }
        }
    }
}
