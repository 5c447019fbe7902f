package com.groupbuy.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.core.ExecutableProvider;

/** The redis-server binary that embedded-redis ships, without persistence. */
final class RedisServer implements AutoCloseable {

    static final String HOST = "127.0.0.1";

    private static final Logger log = LoggerFactory.getLogger(RedisServer.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final int PROBE_TIMEOUT_MILLIS = 1_000;

    private final WorkDirectory work;
    private final int port;
    private volatile ChildProcess process;

    private RedisServer(WorkDirectory work, ChildProcess process, int port) {
        this.work = work;
        this.process = process;
        this.port = port;
    }

    static RedisServer start(WorkDirectory work) throws Exception {
        long started = System.nanoTime();
        Path directory = work.freshDirectory("redis");
        Path binary = ExecutableProvider.newJarResourceProvider(directory.toFile()).get().toPath();
        RedisServer server = FreePorts.retryOnClash("Redis", () -> startOnce(work, directory, binary));
        log.info("Redis ready on {}:{} in {} ms", HOST, server.port, (System.nanoTime() - started) / 1_000_000);
        return server;
    }

    private static RedisServer startOnce(WorkDirectory work, Path directory, Path binary) throws Exception {
        int port = FreePorts.take();
        Path config = directory.resolve("redis.conf");
        Files.writeString(config, String.join("\n",
                "bind " + HOST,
                "port " + port,
                "protected-mode no",
                "daemonize no",
                "save \"\"",
                "appendonly no",
                "dir " + directory,
                "loglevel warning",
                "logfile \"\"",
                ""));
        ChildProcess process = ChildProcess.start("Redis", List.of(binary.toString(), config.toString()),
                directory, directory.resolve("redis.log"));
        work.recordServer("redis", process.handle());
        RedisServer server = new RedisServer(work, process, port);
        try {
            process.awaitReady(READY_TIMEOUT, () -> ping(port));
            return server;
        } catch (Exception | Error e) {
            server.close();
            throw e;
        }
    }

    static boolean ping(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), PROBE_TIMEOUT_MILLIS);
            socket.setSoTimeout(PROBE_TIMEOUT_MILLIS);
            OutputStream out = socket.getOutputStream();
            out.write("*1\r\n$4\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] expected = "+PONG\r\n".getBytes(StandardCharsets.US_ASCII);
            return Arrays.equals(in.readNBytes(expected.length), expected);
        }
    }

    int port() {
        return port;
    }

    /** Starts the stopped server again on its port, empty: it persists nothing. */
    void startAgain() throws Exception {
        process = process.startAgain();
        work.recordServer("redis", process.handle());
        process.awaitReady(READY_TIMEOUT, () -> ping(port));
    }

    @Override
    public void close() {
        process.stop(STOP_GRACE);
    }
}
