package com.groupbuy.stack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads what the command side actually stored: event types per aggregate, in order. */
final class EventStoreProbe {

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
                    String type = rows.getString(2);
                    types.computeIfAbsent(rows.getString(1), id -> new ArrayList<>())
                            .add(type.substring(type.lastIndexOf('.') + 1));
                }
            }
        }
        return types;
    }

    List<String> eventTypesOf(String aggregateId) throws SQLException {
        return eventTypesOf(List.of(aggregateId)).getOrDefault(aggregateId, List.of());
    }
}
