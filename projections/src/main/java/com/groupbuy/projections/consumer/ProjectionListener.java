package com.groupbuy.projections.consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Instant;
import java.util.List;

/**
 * Applies one poll of event records to one projection in a single PostgreSQL transaction, together with the
 * projection's new positions. When the poll fails, it is applied again record by record so that the records
 * before the failing one are kept, and the error handler retries (then dead-letters) exactly the failing one.
 */
final class ProjectionListener implements BatchMessageListener<String, byte[]> {

    private final Projection projection;
    private final ProjectionMetrics metrics;
    private final TransactionTemplate transactions;
    private final ProjectionPositions positions;
    private final CrashPoint crashPoint;
    private final AppliedRecordTraces traces;

    ProjectionListener(Projection projection, ProjectionMetrics metrics, TransactionTemplate transactions,
                       ProjectionPositions positions, CrashPoint crashPoint, AppliedRecordTraces traces) {
        this.projection = projection;
        this.metrics = metrics;
        this.transactions = transactions;
        this.positions = positions;
        this.crashPoint = crashPoint;
        this.traces = traces;
    }

    @Override
    public void onMessage(List<ConsumerRecord<String, byte[]>> records) {
        if (records.isEmpty()) {
            return;
        }
        try {
            applyInOneTransaction(records);
        } catch (RuntimeException pollFailed) {
            for (int i = 0; i < records.size(); i++) {
                try {
                    applyInOneTransaction(List.of(records.get(i)));
                } catch (RuntimeException e) {
                    throw new BatchListenerFailedException(projection.name() + " failed on a record", e, i);
                }
            }
        }
    }

    private void applyInOneTransaction(List<ConsumerRecord<String, byte[]>> records) {
        Instant started = Instant.now();
        List<DecodedEvent> events = DecodedEvent.decodeAll(projection.name(), records);
        transactions.executeWithoutResult(status -> {
            projection.applyAll(events);
            positions.record(projection.name(), records);
            crashPoint.appliedNotCommitted(projection.name());
        });
        if (!events.isEmpty()) {
            metrics.applied(projection.name(), events.getLast().record().occurredAt());
        }
        traces.applied(projection.name(), records, started);
    }
}
