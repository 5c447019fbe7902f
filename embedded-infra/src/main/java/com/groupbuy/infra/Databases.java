package com.groupbuy.infra;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.postgresql.Driver;

/** Creates PostgreSQL databases on first use, so that each application can have its own. */
final class Databases {

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    private static final String DUPLICATE_DATABASE = "42P04";

    private final String serverUrl;
    private final String username;
    private final String password;
    private final Set<String> known = new HashSet<>();

    /** @param serverUrl JDBC URL without a database, e.g. {@code jdbc:postgresql://127.0.0.1:5432/} */
    Databases(String serverUrl, String username, String password) {
        this.serverUrl = serverUrl;
        this.username = username;
        this.password = password;
    }

    synchronized String jdbcUrl(String database) {
        if (!NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + database);
        }
        if (!known.contains(database)) {
            try {
                createIfMissing(database);
            } catch (SQLException e) {
                throw new IllegalStateException("cannot create database " + database, e);
            }
            known.add(database);
        }
        return serverUrl + database;
    }

    Connection connect(String database) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", username);
        properties.setProperty("password", password);
        properties.setProperty("connectTimeout", "5");
        Connection connection = new Driver().connect(serverUrl + database, properties);
        if (connection == null) {
            throw new SQLException("the PostgreSQL driver does not accept " + serverUrl);
        }
        return connection;
    }

    private void createIfMissing(String database) throws SQLException {
        try (Connection connection = connect("postgres");
             var exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (var rows = exists.executeQuery()) {
                if (rows.next()) {
                    return;
                }
            }
            try (var create = connection.createStatement()) {
                create.execute("CREATE DATABASE \"" + database + "\"");
            } catch (SQLException e) {
                if (!DUPLICATE_DATABASE.equals(e.getSQLState())) {
                    throw e;
                }
            }
        }
    }
}
