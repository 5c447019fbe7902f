package com.groupbuy.projections.orders;

import org.springframework.jdbc.core.PreparedStatementCreator;

import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows handed to PostgreSQL as one array per column, so that one set-based statement
 * ({@code ... FROM unnest(?::text[], ?::int8[], ...)}) writes them all in a single round trip. Times travel as
 * ISO-8601 text and are cast in the statement.
 */
final class ColumnArrays {

    private final String[] types;
    private final List<List<Object>> columns = new ArrayList<>();

    /** {@code types}: the array element type of each column, {@code text}, {@code int8} or {@code int4}. */
    ColumnArrays(String... types) {
        this.types = types;
        for (int i = 0; i < types.length; i++) {
            columns.add(new ArrayList<>());
        }
    }

    void add(Object... row) {
        if (row.length != types.length) {
            throw new IllegalArgumentException("expected " + types.length + " columns, got " + row.length);
        }
        for (int i = 0; i < row.length; i++) {
            columns.get(i).add(row[i]);
        }
    }

    boolean isEmpty() {
        return columns.getFirst().isEmpty();
    }

    PreparedStatementCreator statement(String sql) {
        return connection -> {
            PreparedStatement statement = connection.prepareStatement(sql);
            for (int i = 0; i < types.length; i++) {
                Object[] values = switch (types[i]) {
                    case "int8" -> columns.get(i).toArray(Long[]::new);
                    case "int4" -> columns.get(i).toArray(Integer[]::new);
                    default -> columns.get(i).toArray(String[]::new);
                };
                statement.setArray(i + 1, connection.createArrayOf(types[i], values));
            }
            return statement;
        };
    }
}
