package com.groupbuy.projections.maintenance;

import com.groupbuy.projections.consumer.DecodedEvent;
import com.groupbuy.projections.consumer.Projection;
import com.groupbuy.projections.consumer.ProjectionConsumers;
import com.groupbuy.projections.consumer.ProjectionPositions;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Rebuilds a PostgreSQL read model while the live one keeps serving: copies of its tables (same columns, defaults,
 * constraints and index names) in a shadow schema are filled from offset 0 by the projection's own code (with
 * {@code search_path} pointing at the shadow). Then, in one transaction that holds off the live writers (readers
 * go on), the shadow catches up to exactly the offsets the live tables reflect ({@code projection_position}), both
 * checksums are taken, and the shadow tables replace the live ones. Live writers continue on the new tables.
 */
final class PostgresRebuild {

    private static final Logger log = LoggerFactory.getLogger(PostgresRebuild.class);
    private static final int SWITCH_ATTEMPTS = 150;
    private static final Duration BETWEEN_ATTEMPTS = Duration.ofMillis(200);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final TransactionTemplate separateTransactions;
    private final ConsumerFactory<String, byte[]> consumers;
    private final ProjectionPositions positions;
    private final ProjectionConsumers live;

    PostgresRebuild(JdbcTemplate jdbc, TransactionTemplate transactions, TransactionTemplate separateTransactions,
                    ConsumerFactory<String, byte[]> consumers, ProjectionPositions positions,
                    ProjectionConsumers live) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.separateTransactions = separateTransactions;
        this.consumers = consumers;
        this.positions = positions;
        this.live = live;
    }

    Run.Outcome rebuild(Projection projection, PostgresReadModel model, Run run) throws InterruptedException {
        String suffix = projection.name().replace('-', '_') + "_" + System.currentTimeMillis();
        String shadow = "rebuild_" + suffix;
        String retired = "retired_" + suffix;
        try (RebuildConsumer reader = new RebuildConsumer(consumers, projection, run.read)) {
            createShadow(shadow, model.tables());
            reader.applyUntil(reader.endOffsets(), batch -> applyToShadow(projection, shadow, batch, run));
            run.phase("catching up with the live model and switching");
            boolean liveWriters = live.runs(projection.name()) || !positions.of(projection.name()).isEmpty();
            for (int attempt = 1; ; attempt++) {
                boolean lastAttempt = attempt >= SWITCH_ATTEMPTS || !liveWriters;
                Run.Outcome outcome = transactions.execute(status ->
                        trySwitch(projection, model.tables(), shadow, retired, reader, run, lastAttempt));
                if (outcome != null) {
                    return outcome;
                }
                Thread.sleep(BETWEEN_ATTEMPTS);
            }
        } finally {
            jdbc.execute("DROP SCHEMA IF EXISTS " + retired + " CASCADE");
            jdbc.execute("DROP SCHEMA IF EXISTS " + shadow + " CASCADE");
        }
    }

    /**
     * Inside the switch transaction. Null (and a rollback, which lets the live writers go on) when the rebuild has
     * read past what the live tables show and this is not the last attempt: the live writers catch up first.
     */
    private Run.Outcome trySwitch(Projection projection, List<String> tables, String shadow, String retired,
                                  RebuildConsumer reader, Run run, boolean lastAttempt) {
        jdbc.execute("SET LOCAL lock_timeout = '10s'");
        jdbc.execute("LOCK TABLE " + tables.stream().map(t -> "public." + t).collect(Collectors.joining(", "))
                + " IN EXCLUSIVE MODE");
        Map<TopicPartition, Long> livePositions = reader.complete(positions.of(projection.name()));
        boolean comparable = !reader.isAheadOf(livePositions);
        if (!comparable && !lastAttempt) {
            return null;
        }
        reader.applyUntil(livePositions, batch -> applyToShadow(projection, shadow, batch, run));
        comparable = comparable && reader.positions().equals(livePositions);
        ReadModelChecksum liveChecksum = Checksums.postgres(jdbc, "public", tables);
        ReadModelChecksum rebuilt = Checksums.postgres(jdbc, shadow, tables);
        jdbc.execute("CREATE SCHEMA " + retired);
        for (String table : tables) {
            jdbc.execute("ALTER TABLE public." + table + " SET SCHEMA " + retired);
            jdbc.execute("ALTER TABLE " + shadow + "." + table + " SET SCHEMA public");
        }
        log.info("rebuilt {} from {} records: live {} rebuilt {}", projection.name(), run.read.get(),
                liveChecksum.checksum(), rebuilt.checksum());
        return new Run.Outcome(liveChecksum, rebuilt, comparable ? liveChecksum.equals(rebuilt) : null);
    }

    /** One poll into the shadow tables, in its own transaction (also while the switch transaction waits). */
    private void applyToShadow(Projection projection, String shadow, List<ConsumerRecord<String, byte[]>> batch,
                               Run run) {
        List<DecodedEvent> events = LenientDecoding.decode(projection.name(), batch, run.skipped);
        try {
            inShadow(shadow, () -> projection.applyAll(events));
        } catch (RuntimeException pollFailed) {
            for (DecodedEvent event : events) {
                try {
                    inShadow(shadow, () -> projection.applyAll(List.of(event)));
                } catch (RuntimeException e) {
                    run.skipped.incrementAndGet();
                    log.warn("rebuild of {} skips {} {}#{}: {}", projection.name(), event.record().eventType(),
                            event.record().aggregateId(), event.record().sequence(), e.toString());
                }
            }
        }
    }

    private void inShadow(String shadow, Runnable work) {
        separateTransactions.executeWithoutResult(status -> {
            jdbc.execute("SET LOCAL search_path TO " + shadow + ", public");
            work.run();
        });
    }

    /** Empty copies of the live tables, whose indexes carry the live indexes' names. */
    private void createShadow(String shadow, List<String> tables) {
        jdbc.execute("CREATE SCHEMA " + shadow);
        for (String table : tables) {
            jdbc.execute("CREATE TABLE " + shadow + "." + table + " (LIKE public." + table + " INCLUDING ALL)");
            Map<String, String> liveNames = indexesOf("public", table);
            indexesOf(shadow, table).forEach((shape, name) -> {
                String liveName = liveNames.get(shape);
                if (liveName != null && !liveName.equals(name)) {
                    jdbc.execute("ALTER INDEX " + shadow + ".\"" + name + "\" RENAME TO \"" + liveName + "\"");
                }
            });
        }
    }

    /** Index name by its shape (uniqueness, method, columns, predicate). */
    private Map<String, String> indexesOf(String schema, String table) {
        Map<String, String> byShape = new HashMap<>();
        jdbc.query("""
                SELECT i.relname, pg_get_indexdef(i.oid)
                  FROM pg_index x
                  JOIN pg_class i ON i.oid = x.indexrelid
                  JOIN pg_class t ON t.oid = x.indrelid
                  JOIN pg_namespace n ON n.oid = t.relnamespace
                 WHERE n.nspname = ? AND t.relname = ?""", rs -> {
            String definition = rs.getString(2);
            String shape = (definition.startsWith("CREATE UNIQUE") ? "unique " : "")
                    + definition.substring(definition.indexOf(" USING ") + 1);
            byShape.put(shape, rs.getString(1));
        }, schema, table);
        return byShape;
    }
}
