package com.groupbuy.infra;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.lifecycle.Startables;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/** The same servers as Docker containers, for machines that have a Docker engine. */
public final class TestcontainersInfrastructure implements Infrastructure {

    private static final DockerImageName KAFKA_IMAGE = DockerImageName.parse("apache/kafka:4.1.2");
    private static final DockerImageName POSTGRES_IMAGE = DockerImageName.parse("postgres:17-alpine");
    private static final DockerImageName REDIS_IMAGE = DockerImageName.parse("redis:7-alpine");
    private static final int REDIS_PORT = 6379;

    private final KafkaContainer kafka;
    private final PostgreSQLContainer postgres;
    private final GenericContainer<?> redis;
    private final Databases databases;

    private TestcontainersInfrastructure(KafkaContainer kafka, PostgreSQLContainer postgres,
            GenericContainer<?> redis) {
        this.kafka = kafka;
        this.postgres = postgres;
        this.redis = redis;
        this.databases = new Databases(
                "jdbc:postgresql://" + postgres.getHost() + ":"
                        + postgres.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT) + "/",
                postgres.getUsername(), postgres.getPassword());
    }

    public static TestcontainersInfrastructure start() {
        var kafka = new KafkaContainer(KAFKA_IMAGE)
                .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                .withEnv("KAFKA_NUM_PARTITIONS", "3")
                .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
        var postgres = new PostgreSQLContainer(POSTGRES_IMAGE)
                .withCommand("postgres", "-c", "fsync=off", "-c", "synchronous_commit=off",
                        "-c", "full_page_writes=off", "-c", "max_connections=300");
        GenericContainer<?> redis = new GenericContainer<>(REDIS_IMAGE)
                .withExposedPorts(REDIS_PORT)
                .withCommand("redis-server", "--save", "", "--appendonly", "no");
        try {
            Startables.deepStart(kafka, postgres, redis).join();
        } catch (RuntimeException e) {
            kafka.stop();
            postgres.stop();
            redis.stop();
            throw e;
        }
        return new TestcontainersInfrastructure(kafka, postgres, redis);
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String jdbcUrl(String database) {
        return databases.jdbcUrl(database);
    }

    @Override
    public String jdbcUsername() {
        return postgres.getUsername();
    }

    @Override
    public String jdbcPassword() {
        return postgres.getPassword();
    }

    @Override
    public String redisUrl() {
        return "redis://" + redisHost() + ":" + redisPort();
    }

    @Override
    public String redisHost() {
        return redis.getHost();
    }

    @Override
    public int redisPort() {
        return redis.getMappedPort(REDIS_PORT);
    }

    @Override
    public void close() {
        kafka.stop();
        postgres.stop();
        redis.stop();
    }
}
