package com.groupbuy.command;

import com.groupbuy.events.order.OrderConfirmed;
import com.groupbuy.events.order.OrderRejected;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static org.awaitility.Awaitility.await;

/** What the command side actually stored, read back from the real event store, for assertions in ITs. */
public final class StoredEvents {

    private final EventStore eventStore;

    public StoredEvents(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public List<Object> payloadsOf(String aggregateId) {
        return eventStore.readEvents(aggregateId).asStream().map(EventMessage::getPayload).map(Object.class::cast)
                .toList();
    }

    public List<String> typesOf(String aggregateId) {
        return payloadsOf(aggregateId).stream().map(payload -> payload.getClass().getSimpleName()).toList();
    }

    /** The first event of {@code type} the aggregate stores, waiting up to a minute for it. */
    public <T> T awaitFirst(String aggregateId, Class<T> type) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> payloadsOf(aggregateId).stream().filter(type::isInstance).map(type::cast).findFirst(),
                        Optional::isPresent)
                .orElseThrow();
    }

    /**
     * The first outcome of each order (CONFIRMED, or the rejection reason), once every order has one. A read that
     * fails (a test that takes the database away) is tried again at the next poll.
     */
    public List<String> awaitOutcomes(List<String> orderIds) {
        List<String> outcomes = new ArrayList<>();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).ignoreExceptions().until(() -> {
            outcomes.clear();
            for (String id : orderIds) {
                outcomeOf(id).ifPresent(outcomes::add);
            }
            return outcomes.size() == orderIds.size();
        });
        return outcomes;
    }

    private Optional<String> outcomeOf(String orderId) {
        return payloadsOf(orderId).stream()
                .map(payload -> switch (payload) {
                    case OrderConfirmed confirmed -> "CONFIRMED";
                    case OrderRejected rejected -> rejected.reason();
                    default -> null;
                })
                .filter(Objects::nonNull)
                .findFirst();
    }
}
