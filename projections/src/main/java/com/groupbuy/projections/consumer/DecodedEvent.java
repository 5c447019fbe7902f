package com.groupbuy.projections.consumer;

import com.groupbuy.events.DomainEvent;
import com.groupbuy.events.EventRecord;
import com.groupbuy.events.EventRecordCodec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An event record this build understands, with its domain event. */
public record DecodedEvent(EventRecord record, DomainEvent event) {

    private static final Logger log = LoggerFactory.getLogger(DecodedEvent.class);

    /**
     * The events of a poll that this build knows, in order: records of unknown event types, or of a newer schema
     * version than this build knows, are skipped (the contract: consumers skip what they do not know).
     *
     * @throws com.groupbuy.events.MalformedEventRecordException when a record is not an event record at all
     */
    public static List<DecodedEvent> decodeAll(String projection, List<ConsumerRecord<String, byte[]>> records) {
        List<DecodedEvent> decoded = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> consumerRecord : records) {
            EventRecord record = EventRecordCodec.decode(consumerRecord.value());
            Optional<DomainEvent> event = EventRecordCodec.payloadOf(record);
            if (event.isPresent()) {
                decoded.add(new DecodedEvent(record, event.get()));
            } else {
                log.debug("{} skips {} v{} it does not know", projection, record.eventType(), record.schemaVersion());
            }
        }
        return decoded;
    }
}
