package com.groupbuy.infra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka, PostgreSQL and Redis as processes of this machine, without Docker: started in parallel on free loopback
 * ports, with all their data in one temporary directory that closing deletes. A shutdown hook closes whatever the
 * JVM leaves open, and each start first removes what crashed JVMs left behind.
 */
public final class EmbeddedInfrastructure implements Infrastructure, ServerOutages {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedInfrastructure.class);

    private final WorkDirectory work;
    private final KafkaBroker kafka;
    private final PostgresServer postgres;
    private final RedisServer redis;
    private final Thread shutdownHook = new Thread(this::close, "groupbuy-infra-shutdown");
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedInfrastructure(WorkDirectory work, KafkaBroker kafka, PostgresServer postgres, RedisServer redis) {
        this.work = work;
        this.kafka = kafka;
        this.postgres = postgres;
        this.redis = redis;
    }

    public static EmbeddedInfrastructure start() {
        long started = System.nanoTime();
        Path temporaryRoot = WorkDirectory.temporaryRoot();
        Leftovers.clean(temporaryRoot);
        WorkDirectory work = WorkDirectory.create(temporaryRoot);
        Future<KafkaBroker> kafka;
        Future<PostgresServer> postgres;
        Future<RedisServer> redis;
        try (ExecutorService starter = Executors.newFixedThreadPool(3)) {
            kafka = starter.submit(() -> KafkaBroker.start(work));
            postgres = starter.submit(() -> PostgresServer.start(work));
            redis = starter.submit(() -> RedisServer.start(work));
        }
        List<Throwable> failures = new ArrayList<>();
        KafkaBroker startedKafka = result(kafka, failures);
        PostgresServer startedPostgres = result(postgres, failures);
        RedisServer startedRedis = result(redis, failures);
        if (!failures.isEmpty()) {
            stopAll(startedKafka, startedPostgres, startedRedis);
            work.delete();
            IllegalStateException failure = new IllegalStateException("the embedded infrastructure did not start",
                    failures.getFirst());
            failures.stream().skip(1).forEach(failure::addSuppressed);
            throw failure;
        }
        var infrastructure = new EmbeddedInfrastructure(work, startedKafka, startedPostgres, startedRedis);
        Runtime.getRuntime().addShutdownHook(infrastructure.shutdownHook);
        log.info("Embedded infrastructure ready in {} ms, in {}", (System.nanoTime() - started) / 1_000_000,
                work.root());
        return infrastructure;
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    @Override
    public String jdbcUsername() {
        return PostgresServer.USERNAME;
    }

    @Override
    public String jdbcPassword() {
        return PostgresServer.PASSWORD;
    }

    @Override
    public String redisUrl() {
        return "redis://" + redisHost() + ":" + redisPort();
    }

    @Override
    public String redisHost() {
        return RedisServer.HOST;
    }

    @Override
    public int redisPort() {
        return redis.port();
    }

    @Override
    public void stop(Server server) {
        switch (server) {
            case KAFKA -> kafka.close();
            case POSTGRESQL -> postgres.close();
            case REDIS -> redis.close();
        }
        log.info("{} stopped", server);
    }

    @Override
    public void startAgain(Server server) {
        try {
            switch (server) {
                case KAFKA -> kafka.startAgain();
                case POSTGRESQL -> postgres.startAgain();
                case REDIS -> redis.startAgain();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting " + server + " again", e);
        } catch (Exception e) {
            throw new IllegalStateException(server + " did not start again", e);
        }
        log.info("{} started again", server);
    }

    Path directory() {
        return work.root();
    }

    int kafkaPort() {
        return kafka.port();
    }

    int postgresPort() {
        return postgres.port();
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        stopAll(kafka, postgres, redis);
        work.delete();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is this very call, or about to run and find the infrastructure closed
        }
        log.info("Embedded infrastructure stopped and {} deleted", work.root());
    }

    private static void stopAll(AutoCloseable... servers) {
        List<Thread> stopping = new ArrayList<>();
        for (AutoCloseable server : servers) {
            if (server != null) {
                stopping.add(Thread.ofPlatform().start(() -> closeQuietly(server)));
            }
        }
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void closeQuietly(AutoCloseable server) {
        try {
            server.close();
        } catch (Exception e) {
            log.warn("Stopping {} failed: {}", server, e.toString());
        }
    }

    private static <T> T result(Future<T> future, List<Throwable> failures) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            failures.add(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures.add(e);
        }
        return null;
    }
}
