package com.groupbuy.command.infrastructure.relay;

import com.groupbuy.contract.Topics;
import com.groupbuy.events.DomainEvent;
import com.groupbuy.events.EventRecordCodec;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import java.util.ArrayList;
import java.util.List;
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

    KafkaEventRelay(KafkaTemplate<String, byte[]> kafka, long ackTimeoutMillis) {
        this.kafka = kafka;
        this.ackTimeoutMillis = ackTimeoutMillis;
    }

    @EventHandler
    void relay(DomainEvent event, DomainEventMessage<?> message, UnitOfWork<?> unitOfWork) {
        byte[] value = EventRecordCodec.encode(EventRecordCodec.toRecord(
                message.getIdentifier(), message.getSequenceNumber(), message.getTimestamp(), event));
        ProducerRecord<String, byte[]> record =
                new ProducerRecord<>(Topics.eventsOf(event.aggregateType()), event.aggregateId(), value);
        pendingSendsOf(unitOfWork).add(kafka.send(record));
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
