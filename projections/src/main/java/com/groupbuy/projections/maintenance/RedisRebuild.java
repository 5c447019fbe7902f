package com.groupbuy.projections.maintenance;

import com.groupbuy.contract.RedisKeys;
import com.groupbuy.projections.consumer.Projection;
import com.groupbuy.projections.consumer.ProjectionConsumers;
import com.groupbuy.projections.consumer.ProjectionPositions;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.api.options.KeysScanOptions;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Rebuilds a Redis read model into a new generation while the current one keeps serving: reads from offset 0 up
 * to the end, stops this process's live consumers of the projection, reads what arrived meanwhile, moves the
 * pointer and starts the live consumers again (they go on in the new generation; the old one is deleted a little
 * later, once readers that looked the pointer up just before have finished). One process at a time per
 * projection (a lock in Redis).
 */
final class RedisRebuild {

    private static final Logger log = LoggerFactory.getLogger(RedisRebuild.class);
    private static final Duration LOCK_TIME = Duration.ofMinutes(30);
    private static final Duration OLD_GENERATION_GRACE = Duration.ofSeconds(5);

    private final RedissonClient redis;
    private final ConsumerFactory<String, byte[]> consumers;
    private final ProjectionPositions positions;
    private final ProjectionConsumers live;
    private final ScheduledExecutorService cleaner;

    RedisRebuild(RedissonClient redis, ConsumerFactory<String, byte[]> consumers, ProjectionPositions positions,
                 ProjectionConsumers live, ScheduledExecutorService cleaner) {
        this.redis = redis;
        this.consumers = consumers;
        this.positions = positions;
        this.live = live;
        this.cleaner = cleaner;
    }

    Run.Outcome rebuild(Projection projection, RedisReadModel model, Run run) {
        RBucket<String> lock = redis.getBucket(RedisKeys.rebuildLock(projection.name()), StringCodec.INSTANCE);
        String owner = UUID.randomUUID().toString();
        if (!lock.setIfAbsent(owner, LOCK_TIME)) {
            throw new IllegalStateException("another process is rebuilding " + projection.name());
        }
        long generation = System.currentTimeMillis();
        Projection writer = model.writingTo(generation);
        boolean switched = false;
        try (RebuildConsumer reader = new RebuildConsumer(consumers, projection, run.read)) {
            reader.applyUntil(reader.endOffsets(),
                    batch -> writer.applyAll(LenientDecoding.decode(projection.name(), batch, run.skipped)));
            run.phase("catching up with the live model and switching");
            live.stop(projection.name());
            try {
                reader.applyUntil(reader.endOffsets(),
                        batch -> writer.applyAll(LenientDecoding.decode(projection.name(), batch, run.skipped)));
                boolean comparable = !live.runs(projection.name())
                        ? false : reader.positions().equals(reader.complete(positions.of(projection.name())));
                Optional<Long> old = model.currentGeneration();
                ReadModelChecksum liveChecksum = old.map(g -> Checksums.redis(redis, projection.name(),
                        model.keyPrefix(g))).orElse(null);
                ReadModelChecksum rebuilt = Checksums.redis(redis, projection.name(),
                        model.keyPrefix(generation));
                model.switchTo(generation);
                switched = true;
                old.ifPresent(g -> cleaner.schedule(() -> delete(model.keyPrefix(g)),
                        OLD_GENERATION_GRACE.toMillis(), TimeUnit.MILLISECONDS));
                log.info("rebuilt {} into generation {} from {} records", projection.name(), generation,
                        run.read.get());
                return new Run.Outcome(liveChecksum, rebuilt,
                        comparable && liveChecksum != null ? liveChecksum.equals(rebuilt) : null);
            } finally {
                live.start(projection.name());
            }
        } finally {
            if (!switched) {
                delete(model.keyPrefix(generation));
            }
            if (owner.equals(lock.get())) {
                lock.delete();
            }
        }
    }

    private void delete(String keyPrefix) {
        Iterator<String> keys = redis.getKeys().getKeys(KeysScanOptions.defaults().pattern(keyPrefix + "*")
                .chunkSize(1000)).iterator();
        List<String> chunk = new ArrayList<>(1000);
        while (keys.hasNext()) {
            chunk.add(keys.next());
            if (chunk.size() == 1000 || !keys.hasNext()) {
                redis.getKeys().unlink(chunk.toArray(String[]::new));
                chunk.clear();
            }
        }
    }
}
