package com.groupbuy.projections.maintenance;

import com.groupbuy.contract.ErrorCode;
import com.groupbuy.projections.consumer.Projection;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Starts rebuilds (one at a time per projection, in the background), keeps their status, takes checksums. */
final class Rebuilds {

    private static final Logger log = LoggerFactory.getLogger(Rebuilds.class);

    private final Map<String, Projection> projections;
    private final PostgresRebuild postgres;
    private final RedisRebuild redis;
    private final ExecutorService runner;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate snapshot;
    private final RedissonClient redisson;
    private final Map<String, Run> runs = new ConcurrentHashMap<>();

    Rebuilds(List<Projection> projections, PostgresRebuild postgres, RedisRebuild redis, ExecutorService runner,
             JdbcTemplate jdbc, TransactionTemplate transactions, RedissonClient redisson) {
        this.projections = projections.stream()
                .collect(Collectors.toUnmodifiableMap(Projection::name, Function.identity()));
        this.postgres = postgres;
        this.redis = redis;
        this.runner = runner;
        this.jdbc = jdbc;
        this.snapshot = new TransactionTemplate(transactions.getTransactionManager());
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
        this.redisson = redisson;
    }

    Projection projection(String name) {
        Projection projection = projections.get(name);
        if (projection == null) {
            throw new MaintenanceException(HttpStatus.NOT_FOUND, ErrorCode.NOT_FOUND, "No projection " + name
                    + "; known: " + projections.keySet().stream().sorted().toList());
        }
        return projection;
    }

    List<Projection> all() {
        return projections.values().stream().sorted(Comparator.comparing(Projection::name)).toList();
    }

    static String storeOf(Projection projection) {
        return projection instanceof PostgresReadModel ? "postgresql"
                : projection instanceof RedisReadModel ? "redis" : "none";
    }

    synchronized RebuildStatus start(String name) {
        Projection projection = projection(name);
        if (!(projection instanceof PostgresReadModel) && !(projection instanceof RedisReadModel)) {
            throw new MaintenanceException(HttpStatus.UNPROCESSABLE_CONTENT, ErrorCode.ILLEGAL_STATE,
                    name + " does not say where its read model lives, so it cannot be rebuilt in place");
        }
        Run previous = runs.get(name);
        if (previous != null && previous.running()) {
            throw new MaintenanceException(HttpStatus.CONFLICT, ErrorCode.ILLEGAL_STATE,
                    "A rebuild of " + name + " is already running");
        }
        Run run = new Run(name, storeOf(projection));
        runs.put(name, run);
        runner.submit(() -> execute(projection, run));
        return run.status();
    }

    boolean running(String name) {
        Run run = runs.get(name);
        return run != null && run.running();
    }

    Optional<RebuildStatus> status(String name) {
        projection(name);
        return Optional.ofNullable(runs.get(name)).map(Run::status);
    }

    /** The live read model's checksum, from one consistent snapshot. */
    ReadModelChecksum checksum(String name) {
        Projection projection = projection(name);
        return switch (projection) {
            case PostgresReadModel model -> snapshot.execute(status ->
                    Checksums.postgres(jdbc, "public", model.tables()));
            case RedisReadModel model -> Checksums.redis(redisson, name,
                    model.keyPrefix(model.currentGeneration().orElse(-1L)));
            default -> throw new MaintenanceException(HttpStatus.UNPROCESSABLE_CONTENT, ErrorCode.ILLEGAL_STATE,
                    name + " does not say where its read model lives");
        };
    }

    private void execute(Projection projection, Run run) {
        try {
            Run.Outcome outcome = switch (projection) {
                case PostgresReadModel model -> postgres.rebuild(projection, model, run);
                case RedisReadModel model -> redis.rebuild(projection, model, run);
                default -> throw new IllegalStateException("not rebuildable: " + projection.name());
            };
            run.done(outcome);
        } catch (Exception e) {
            log.error("rebuild of {} failed", projection.name(), e);
            run.failed(e);
        }
    }
}
