package com.groupbuy.infra;

/**
 * Running Kafka, PostgreSQL and Redis servers reachable from this machine. Closing stops them and removes
 * whatever they stored.
 */
public interface Infrastructure extends AutoCloseable {

    /** {@code host:port} for {@code bootstrap.servers}. */
    String kafkaBootstrapServers();

    /** JDBC URL of the named database, which is created first when it does not exist yet. */
    String jdbcUrl(String database);

    String jdbcUsername();

    String jdbcPassword();

    /** {@code redis://host:port}. */
    String redisUrl();

    String redisHost();

    int redisPort();

    @Override
    void close();
}
