package com.groupbuy.command.infrastructure.relay;

import com.groupbuy.command.infrastructure.tracing.TraceContextMetadata;
import com.groupbuy.contract.Topics;
import com.groupbuy.events.DomainEvent;
import com.groupbuy.events.EventRecordCodec;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes every stored domain event to {@code groupbuy.events.<aggregate-type>}, keyed by aggregate id.
 *
 * <p>Runs in a pooled streaming processor over the event store: events of one aggregate stay in one segment and
 * in store order, and the processor's token only advances when the batch's unit of work commits, which waits here
 * until the broker has acknowledged every record of the batch. A failure rolls the batch back and it is sent again
 * (at least once; consumers de-duplicate by aggregate id and sequence).
 */
@ProcessingGroup(RelayConfiguration.PROCESSING_GROUP)
class KafkaEventRelay {

    private static final String PENDING_SENDS = KafkaEventRelay.class.getName() + ".pendingSends";

    private final KafkaTemplate<String, byte[]> kafka;
    private final long ackTimeoutMillis;
    private final TraceContextMetadata traces;

    KafkaEventRelay(KafkaTemplate<String, byte[]> kafka, long ackTimeoutMillis, TraceContextMetadata traces) {
        this.kafka = kafka;
        this.ackTimeoutMillis = ackTimeoutMillis;
        this.traces = traces;
    }

    @EventHandler
    void relay(DomainEvent event, DomainEventMessage<?> message, UnitOfWork<?> unitOfWork) {
        byte[] value = EventRecordCodec.encode(EventRecordCodec.toRecord(
                message.getIdentifier(), message.getSequenceNumber(), message.getTimestamp(), event));
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(Topics.eventsOf(event.aggregateType()), event.aggregateId(), value);
        pendingSendsOf(unitOfWork).add(send(record, message));
    }

    /**
     * Within a span that continues the event's trace, whose context the record's headers carry on to the
     * projections; an event without a trace (an unsampled one) is sent as it is.
     */
    private CompletableFuture<SendResult<String, byte[]>> send(ProducerRecord<String, byte[]> record,
                                                              DomainEventMessage<?> message) {
        Optional<Span> span = traces.startContinuing(message.getMetaData(), "relay " + record.topic());
        if (span.isEmpty()) {
            return kafka.send(record);
        }
        traces.writeInto(record.headers(), span.get());
        try (Tracer.SpanInScope ignored = traces.tracer().withSpan(span.get())) {
            return kafka.send(record).whenComplete((sent, failure) -> {
                if (failure != null) {
                    span.get().error(failure);
                }
                span.get().end();
            });
        }
    }

    private List<CompletableFuture<SendResult<String, byte[]>>> pendingSendsOf(UnitOfWork<?> unitOfWork) {
        UnitOfWork<?> batch = unitOfWork.root();
        return batch.getOrComputeResource(PENDING_SENDS, key -> {
            List<CompletableFuture<SendResult<String, byte[]>>> sends = new ArrayList<>();
            batch.onPrepareCommit(committing -> awaitAcknowledgements(sends));
            return sends;
        });
    }

    private void awaitAcknowledgements(List<CompletableFuture<SendResult<String, byte[]>>> sends) {
        try {
            CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
                    .get(ackTimeoutMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventRelayFailedException("interrupted while waiting for the broker", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new EventRelayFailedException("the broker did not acknowledge the batch", e);
        }
    }
}
