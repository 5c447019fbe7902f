package com.groupbuy.events;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.Optional;

/** Turns domain events into {@link EventRecord}s and both into the JSON bytes that travel on Kafka. */
public final class EventRecordCodec {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EventRecordCodec() {
    }

    public static EventRecord toRecord(String eventId, long sequence, Instant occurredAt, DomainEvent event) {
        Class<? extends DomainEvent> type = event.getClass();
        return new EventRecord(
                eventId,
                EventCatalog.nameOf(type),
                EventCatalog.schemaVersionOf(type),
                event.aggregateType().wireName(),
                event.aggregateId(),
                sequence,
                occurredAt,
                JSON.valueToTree(event));
    }

    public static byte[] encode(EventRecord record) {
        return JSON.writeValueAsBytes(record);
    }

    /** @throws MalformedEventRecordException when the bytes are not an event record */
    public static EventRecord decode(byte[] bytes) {
        try {
            EventRecord record = JSON.readValue(bytes, EventRecord.class);
            if (record.eventType() == null || record.aggregateId() == null || record.payload() == null) {
                throw new MalformedEventRecordException("event record lacks eventType, aggregateId or payload");
            }
            return record;
        } catch (JacksonException e) {
            throw new MalformedEventRecordException("not an event record: " + e.getOriginalMessage());
        }
    }

    /**
     * The domain event inside a record, or empty when this build does not know the event type or only knows an
     * older schema version of it (consumers skip those rather than guess).
     *
     * @throws MalformedEventRecordException when a known event type has a payload that does not fit it
     */
    public static Optional<DomainEvent> payloadOf(EventRecord record) {
        Optional<Class<? extends DomainEvent>> type = EventCatalog.typeNamed(record.eventType());
        if (type.isEmpty() || record.schemaVersion() > EventCatalog.schemaVersionOf(type.get())) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.treeToValue(record.payload(), type.get()));
        } catch (JacksonException e) {
            throw new MalformedEventRecordException(
                    record.eventType() + " payload does not fit its contract: " + e.getOriginalMessage());
        }
    }
}
