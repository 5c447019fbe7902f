package com.groupbuy.stack;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads what the command side actually stored: event types per aggregate, in order. */
final class EventStoreProbe {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String jdbcUrl;
    private final String user;
    private final String password;

    EventStoreProbe(LocalStack stack) {
        this.jdbcUrl = stack.infrastructure().jdbcUrl("eventstore");
        this.user = stack.infrastructure().jdbcUsername();
        this.password = stack.infrastructure().jdbcPassword();
    }

    Map<String, List<String>> eventTypesOf(List<String> aggregateIds) throws SQLException {
        Map<String, List<String>> types = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
             PreparedStatement query = connection.prepareStatement("""
                     SELECT aggregateidentifier, payloadtype FROM domainevententry
                      WHERE aggregateidentifier = ANY (?) ORDER BY aggregateidentifier, sequencenumber""")) {
            query.setArray(1, connection.createArrayOf("varchar", aggregateIds.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    types.computeIfAbsent(rows.getString(1), id -> new ArrayList<>())
                            .add(simpleName(rows.getString(2)));
                }
            }
        }
        return types;
    }

    List<String> eventTypesOf(String aggregateId) throws SQLException {
        return eventTypesOf(List.of(aggregateId)).getOrDefault(aggregateId, List.of());
    }

    /** An event as stored: its type (simple name) and its payload as JSON. */
    record StoredEvent(String type, JsonNode payload) {
    }

    /** Every event of one aggregate, in order, with its payload. */
    List<StoredEvent> eventsOf(String aggregateId) throws SQLException {
        List<StoredEvent> events = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
             PreparedStatement query = connection.prepareStatement("""
                     SELECT payloadtype, payload FROM domainevententry
                      WHERE aggregateidentifier = ? ORDER BY sequencenumber""")) {
            query.setString(1, aggregateId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    events.add(new StoredEvent(simpleName(rows.getString(1)), JSON.readTree(rows.getBytes(2))));
                }
            }
        }
        return events;
    }

    /** The deadlines a scheduler (by its name, {@code host#pid}) has picked and not finished. */
    /** How many deadlines each of these schedulers is running now (picked, not yet done); absent: none. */
    Map<String, Integer> deadlinesPickedByEach(Collection<String> schedulerNames) throws SQLException {
        Map<String, Integer> picked = new HashMap<>();
        for (String scheduler : schedulerNames) {
            int count = deadlinesPickedBy(scheduler);
            if (count > 0) {
                picked.put(scheduler, count);
            }
        }
        return picked;
    }

    int deadlinesPickedBy(String schedulerName) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
             PreparedStatement query = connection.prepareStatement(
                     "SELECT count(*) FROM scheduled_tasks WHERE picked AND picked_by = ?")) {
            query.setString(1, schedulerName);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    private static String simpleName(String payloadType) {
        return payloadType.substring(payloadType.lastIndexOf('.') + 1);
    }
}
