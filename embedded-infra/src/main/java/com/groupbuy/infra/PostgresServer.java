package com.groupbuy.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server of zonky's binaries, run directly (not through pg_ctl) so that its postmaster is our child.
 * Tuned for throw-away data: no fsync, no synchronous commit.
 */
final class PostgresServer implements AutoCloseable {

    static final String USERNAME = "postgres";
    static final String PASSWORD = "";

    private static final Logger log = LoggerFactory.getLogger(PostgresServer.class);
    private static final Duration INITDB_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_GRACE = Duration.ofSeconds(15);

    private final WorkDirectory work;
    private final int port;
    private final Databases databases;
    private volatile ChildProcess process;

    private PostgresServer(WorkDirectory work, ChildProcess process, int port, Databases databases) {
        this.work = work;
        this.process = process;
        this.port = port;
        this.databases = databases;
    }

    static PostgresServer start(WorkDirectory work) throws Exception {
        long started = System.nanoTime();
        Path installation = PostgresBinaries.install();
        Path directory = work.freshDirectory("postgres");
        Path data = directory.resolve("data");
        Files.createDirectories(data);
        UnixUser.handOver(data);
        ChildProcess.run("initdb", UnixUser.unprivileged(List.of(
                        installation.resolve("bin/initdb").toString(), "-D", data.toString(),
                        "-A", "trust", "-U", USERNAME, "-E", "UTF-8", "--locale=C", "--no-sync", "--no-instructions")),
                directory, directory.resolve("initdb.log"), INITDB_TIMEOUT);
        PostgresServer server = FreePorts.retryOnClash("PostgreSQL", () -> startOnce(work, installation, data));
        log.info("PostgreSQL ready on 127.0.0.1:{} in {} ms", server.port, (System.nanoTime() - started) / 1_000_000);
        return server;
    }

    private static PostgresServer startOnce(WorkDirectory work, Path installation, Path data) throws Exception {
        int port = FreePorts.take();
        Path directory = data.getParent();
        ChildProcess process = ChildProcess.start("PostgreSQL", UnixUser.unprivileged(List.of(
                        installation.resolve("bin/postgres").toString(), "-D", data.toString(),
                        "-p", Integer.toString(port),
                        "-c", "listen_addresses=127.0.0.1",
                        "-c", "unix_socket_directories=",
                        "-c", "fsync=off",
                        "-c", "synchronous_commit=off",
                        "-c", "full_page_writes=off",
                        "-c", "max_connections=300")),
                directory, directory.resolve("postgres.log"));
        work.recordServer("postgres", process.handle());
        Databases databases = new Databases("jdbc:postgresql://127.0.0.1:" + port + "/", USERNAME, PASSWORD);
        PostgresServer server = new PostgresServer(work, process, port, databases);
        try {
            server.awaitReady();
            return server;
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
    }

    private void awaitReady() throws Exception {
        process.awaitReady(READY_TIMEOUT, () -> {
            try (var connection = databases.connect("postgres")) {
                return connection.isValid(1);
            }
        });
    }

    /** Starts the stopped server again on its port and data: what it had committed is there. */
    void startAgain() throws Exception {
        process = process.startAgain();
        work.recordServer("postgres", process.handle());
        awaitReady();
    }

    String jdbcUrl(String database) {
        return databases.jdbcUrl(database);
    }

    int port() {
        return port;
    }

    /** Fast shutdown: SIGINT rolls back open sessions instead of waiting for clients to leave, as SIGTERM would. */
    @Override
    public void close() {
        process.stop(STOP_GRACE, () -> process.signal("INT"));
    }
}
