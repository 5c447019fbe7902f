package com.groupbuy.events;

import tools.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * The envelope of every event on Kafka: the record value of {@code groupbuy.events.<aggregateType>}, keyed by
 * {@code aggregateId}. Consumers de-duplicate by ({@code aggregateId}, {@code sequence}).
 */
public record EventRecord(
        String eventId,
        String eventType,
        int schemaVersion,
        String aggregateType,
        String aggregateId,
        long sequence,
        Instant occurredAt,
        JsonNode payload) {
}
