package com.groupbuy.command.infrastructure.relay;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.OptionalLong;

/**
 * {@code groupbuy_relay_backlog_events}: events stored and not yet published to Kafka, from the event store's head and
 * the relay's tokens as the token table holds them (its furthest-behind segment). Read from the database rather than
 * from the relay's own processor, so a relay that runs nowhere, or is stuck, shows its backlog growing instead of
 * looking like a relay with nothing to do. Unknown (NaN) while the database cannot be read.
 */
final class RelayBacklog {

    static final String METRIC = "groupbuy.relay.backlog.events";
    private static final Logger log = LoggerFactory.getLogger(RelayBacklog.class);

    private final EventStore eventStore;
    private final JdbcClient jdbc;
    private final Serializer serializer;

    private record StoredToken(byte[] token, String type) {
    }

    RelayBacklog(EventStore eventStore, JdbcClient jdbc, Serializer serializer, MeterRegistry registry) {
        this.eventStore = eventStore;
        this.jdbc = jdbc;
        this.serializer = serializer;
        Gauge.builder(METRIC, this, RelayBacklog::measure)
                .description("Stored events the Kafka relay has not published yet (its furthest-behind segment)")
                .register(registry);
    }

    private double measure() {
        try {
            return events();
        } catch (RuntimeException e) {
            log.warn("could not measure the relay backlog: {}", e.toString());
            return Double.NaN;
        }
    }

    /** Head of the event store minus the lowest position any relay segment has reached. */
    long events() {
        long head = eventStore.createHeadToken().position().orElse(-1);
        List<StoredToken> tokens = jdbc.sql("""
                        SELECT token, tokentype FROM tokenentry WHERE processorname = :processor""")
                .param("processor", RelayConfiguration.PROCESSING_GROUP)
                .query((row, i) -> new StoredToken(row.getBytes("token"), row.getString("tokentype")))
                .list();
        long lowest = tokens.isEmpty() ? -1 : tokens.stream().mapToLong(this::positionOf).min().orElseThrow();
        return Math.max(0, head - lowest);
    }

    /** -1 for a segment that has not started yet: everything stored is ahead of it. */
    private long positionOf(StoredToken stored) {
        if (stored.token() == null) {
            return -1;
        }
        TrackingToken token = serializer.deserialize(
                new SimpleSerializedObject<>(stored.token(), byte[].class, stored.type(), null));
        OptionalLong position = token.position();
        return position.orElse(-1);
    }
}
