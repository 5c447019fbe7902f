package com.groupbuy.command.infrastructure.eventstore;

import com.groupbuy.events.SchemaVersion;
import org.axonframework.serialization.RevisionResolver;

/** Stores each event's {@link SchemaVersion} as its Axon revision, so upcasters can match on it. */
class SchemaVersionRevisionResolver implements RevisionResolver {

    @Override
    public String revisionOf(Class<?> payloadType) {
        SchemaVersion version = payloadType.getAnnotation(SchemaVersion.class);
        return version == null ? null : Integer.toString(version.value());
    }
}
