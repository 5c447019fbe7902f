package com.groupbuy.projections.consumer;

import com.groupbuy.events.DomainEvent;
import com.groupbuy.events.EventRecord;
import com.groupbuy.events.EventRecordCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.MessageListener;

import java.util.Optional;

/** Decodes event records and hands the ones this build understands to one projection. */
final class ProjectionListener implements MessageListener<String, byte[]> {

    private static final Logger log = LoggerFactory.getLogger(ProjectionListener.class);

    private final Projection projection;
    private final ProjectionMetrics metrics;

    ProjectionListener(Projection projection, ProjectionMetrics metrics) {
        this.projection = projection;
        this.metrics = metrics;
    }

    @Override
    public void onMessage(ConsumerRecord<String, byte[]> consumerRecord) {
        EventRecord record = EventRecordCodec.decode(consumerRecord.value());
        Optional<DomainEvent> event = EventRecordCodec.payloadOf(record);
        if (event.isEmpty()) {
            log.debug("{} skips {} v{} it does not know", projection.name(), record.eventType(),
                    record.schemaVersion());
        } else {
            projection.apply(record, event.get());
        }
        metrics.applied(projection.name(), record.occurredAt());
    }
}
