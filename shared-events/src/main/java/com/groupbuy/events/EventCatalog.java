package com.groupbuy.events;

import com.groupbuy.events.product.ProductRegistered;
import com.groupbuy.events.product.StockAdjusted;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every event type of the system, by its wire name (the record's simple name). */
public final class EventCatalog {

    private static final List<Class<? extends DomainEvent>> EVENT_TYPES = List.of(
            ProductRegistered.class,
            StockAdjusted.class);

    private static final Map<String, Class<? extends DomainEvent>> BY_NAME = EVENT_TYPES.stream()
            .collect(Collectors.toUnmodifiableMap(Class::getSimpleName, Function.identity()));

    private EventCatalog() {
    }

    public static List<Class<? extends DomainEvent>> eventTypes() {
        return EVENT_TYPES;
    }

    public static Optional<Class<? extends DomainEvent>> typeNamed(String eventType) {
        return Optional.ofNullable(BY_NAME.get(eventType));
    }

    public static String nameOf(Class<?> eventClass) {
        return eventClass.getSimpleName();
    }

    public static int schemaVersionOf(Class<?> eventClass) {
        SchemaVersion version = eventClass.getAnnotation(SchemaVersion.class);
        if (version == null) {
            throw new IllegalArgumentException(eventClass.getName() + " has no @SchemaVersion");
        }
        return version.value();
    }
}
