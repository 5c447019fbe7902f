package com.groupbuy.infra;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A single-node KRaft Kafka (broker and controller in one) in its own JVM, on the classpath the build wrote into
 * kafka-broker.classpath and kafka-broker-shared.classpath.
 */
final class KafkaBroker implements AutoCloseable {

    static final String HOST = "127.0.0.1";

    private static final Logger log = LoggerFactory.getLogger(KafkaBroker.class);
    private static final String MAIN_CLASS = "com.groupbuy.infra.KafkaBrokerMain";
    private static final List<String> CLASSPATH_RESOURCES =
            List.of("kafka-broker.classpath", "kafka-broker-shared.classpath");
    private static final List<String> JVM_OPTIONS = List.of(
            "-Xms128m", "-Xmx768m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData",
            "-Djava.awt.headless=true");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final Duration ADMIN_TIMEOUT = Duration.ofSeconds(5);
    private static final int CONNECT_TIMEOUT_MILLIS = 500;

    private static final String LOG_CONFIG = """
            status = warn
            appender.stdout.type = Console
            appender.stdout.name = STDOUT
            appender.stdout.layout.type = PatternLayout
            appender.stdout.layout.pattern = [%d] %p %m (%c)%n
            rootLogger.level = warn
            rootLogger.appenderRef.stdout.ref = STDOUT
            """;

    private final WorkDirectory work;
    private final int port;
    private volatile ChildProcess process;

    private KafkaBroker(WorkDirectory work, ChildProcess process, int port) {
        this.work = work;
        this.process = process;
        this.port = port;
    }

    static KafkaBroker start(WorkDirectory work) throws Exception {
        return start(work, ProcessHandle.current().pid());
    }

    /** @param parentPid the process whose end halts the broker */
    static KafkaBroker start(WorkDirectory work, long parentPid) throws Exception {
        long started = System.nanoTime();
        String classpath = classpath();
        KafkaBroker broker = FreePorts.retryOnClash("Kafka", () -> startOnce(work, classpath, parentPid));
        log.info("Kafka ready on {} in {} ms", broker.bootstrapServers(), (System.nanoTime() - started) / 1_000_000);
        return broker;
    }

    private static KafkaBroker startOnce(WorkDirectory work, String classpath, long parentPid) throws Exception {
        int[] ports = FreePorts.take(2);
        int port = ports[0];
        int controllerPort = ports[1];
        Path directory = work.freshDirectory("kafka");
        Path serverProperties = directory.resolve("server.properties");
        Path logConfig = directory.resolve("log4j2.properties");
        Files.writeString(serverProperties, serverProperties(directory.resolve("data"), port, controllerPort));
        Files.writeString(logConfig, LOG_CONFIG);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.add("-Dlog4j2.configurationFile=" + logConfig);
        command.addAll(List.of("-cp", classpath, MAIN_CLASS,
                Long.toString(parentPid), Uuid.randomUuid().toString(), serverProperties.toString()));
        ChildProcess process = ChildProcess.start("Kafka", command, directory, directory.resolve("kafka.log"));
        work.recordServer("kafka", process.handle());
        KafkaBroker broker = new KafkaBroker(work, process, port);
        try {
            broker.awaitReady();
            return broker;
        } catch (Exception | Error e) {
            broker.close();
            throw e;
        }
    }

    private void awaitReady() throws Exception {
        long launched = System.nanoTime();
        // waiting for the listener first spares the log the Admin client's connection warnings
        process.awaitReady(READY_TIMEOUT, () -> accepts(port));
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ADMIN_TIMEOUT.toMillis()))) {
            Duration left = READY_TIMEOUT.minusNanos(System.nanoTime() - launched);
            process.awaitReady(left, () -> !admin.describeCluster().nodes()
                    .get(ADMIN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).isEmpty());
        }
    }

    /** Starts the stopped broker again on its ports and log directory, with the same cluster id. */
    void startAgain() throws Exception {
        process = process.startAgain();
        work.recordServer("kafka", process.handle());
        awaitReady();
    }

    static String serverProperties(Path dataDirectory, int port, int controllerPort) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("process.roles", "broker,controller");
        properties.put("node.id", "1");
        properties.put("controller.quorum.voters", "1@" + HOST + ":" + controllerPort);
        properties.put("listeners",
                "PLAINTEXT://" + HOST + ":" + port + ",CONTROLLER://" + HOST + ":" + controllerPort);
        properties.put("advertised.listeners", "PLAINTEXT://" + HOST + ":" + port);
        properties.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.put("controller.listener.names", "CONTROLLER");
        properties.put("inter.broker.listener.name", "PLAINTEXT");
        properties.put("log.dirs", dataDirectory.toString());
        properties.put("num.partitions", "3");
        properties.put("auto.create.topics.enable", "false");
        properties.put("offsets.topic.replication.factor", "1");
        properties.put("offsets.topic.num.partitions", "10");
        properties.put("transaction.state.log.replication.factor", "1");
        properties.put("transaction.state.log.min.isr", "1");
        properties.put("transaction.state.log.num.partitions", "10");
        properties.put("share.coordinator.state.topic.replication.factor", "1");
        properties.put("share.coordinator.state.topic.min.isr", "1");
        properties.put("group.initial.rebalance.delay.ms", "0");
        return properties.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static boolean accepts(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), CONNECT_TIMEOUT_MILLIS);
            return true;
        }
    }

    /** Our own code location, where the broker's main class is, followed by the broker's jars. */
    static String classpath() {
        List<String> entries = new ArrayList<>();
        entries.add(ownCodeLocation().toString());
        for (String resource : CLASSPATH_RESOURCES) {
            try (InputStream in = KafkaBroker.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(resource + " is missing: build embedded-infra with Maven first");
                }
                String content = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
                entries.addAll(Arrays.asList(content.split(File.pathSeparator)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        entries.stream().filter(entry -> !Files.exists(Path.of(entry))).findFirst().ifPresent(missing -> {
            throw new IllegalStateException("The Kafka broker needs " + missing
                    + ", which is gone: run the Maven build of embedded-infra again to fetch it");
        });
        return String.join(File.pathSeparator, entries);
    }

    private static Path ownCodeLocation() {
        var location = KafkaBroker.class.getProtectionDomain().getCodeSource().getLocation();
        try {
            return Path.of(location.toURI());
        } catch (URISyntaxException | IllegalArgumentException | FileSystemNotFoundException e) {
            throw new IllegalStateException("The Kafka broker's JVM needs embedded-infra as a plain jar or directory, "
                    + "not " + location, e);
        }
    }

    String bootstrapServers() {
        return HOST + ":" + port;
    }

    int port() {
        return port;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.stop(STOP_GRACE);
    }
}
