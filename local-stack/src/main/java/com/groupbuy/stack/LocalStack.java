package com.groupbuy.stack;

import com.groupbuy.infra.Infrastructure;
import com.groupbuy.infra.Infrastructures;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * The whole system on one machine: Kafka, PostgreSQL and Redis (embedded, or Testcontainers where Docker runs),
 * then the api, worker, projections and query-side processes from their built jars, in the {@code local}
 * profile (which alone offers dev tokens). Closing it stops every process it started.
 */
public final class LocalStack implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    private final Infrastructure infrastructure;
    private final List<ServiceProcess> processes;
    private final String jwtSecret;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private LocalStack(Infrastructure infrastructure, List<ServiceProcess> processes, String jwtSecret) {
        this.infrastructure = infrastructure;
        this.processes = processes;
        this.jwtSecret = jwtSecret;
    }

    public static LocalStack start(StackOptions options) throws IOException, InterruptedException {
        Properties jars = jarLocations();
        Infrastructure infrastructure = Infrastructures.start();
        List<ServiceProcess> processes = new ArrayList<>();
        String secret = randomSecret();
        try {
            List<String> common = List.of(
                    "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                    "--spring.datasource.username=" + infrastructure.jdbcUsername(),
                    "--spring.datasource.password=" + infrastructure.jdbcPassword(),
                    "--groupbuy.redis.url=" + infrastructure.redisUrl(),
                    "--groupbuy.security.jwt.secret=" + secret);
            common = Stream.concat(common.stream(), options.arguments().stream()).toList();
            String eventStore = "--spring.datasource.url=" + infrastructure.jdbcUrl("eventstore");
            String readModel = "--spring.datasource.url=" + infrastructure.jdbcUrl("readmodel");
            StackOptions.Ports ports = options.ports();

            // The api migrates the event store first; the worker then starts against a ready schema.
            processes.add(ServiceProcess.start("api", jar(jars, "command-side"), ports.api(), options.jvmOptions(),
                    with(common, eventStore, "--spring.profiles.active=local,api"), options.logDir()));
            processes.add(ServiceProcess.start("projections", jar(jars, "projections"), ports.projections(),
                    options.jvmOptions(), with(common, readModel, "--spring.profiles.active=local"), options.logDir()));
            processes.getFirst().awaitReady(READY_TIMEOUT);
            processes.get(1).awaitReady(READY_TIMEOUT);
            for (int i = 1; i <= options.workers(); i++) {
                processes.add(ServiceProcess.start(i == 1 ? "worker" : "worker-" + i, jar(jars, "command-side"),
                        i == 1 ? ports.worker() : FreePorts.next(), options.jvmOptions(),
                        with(common, eventStore, "--spring.profiles.active=local,worker"), options.logDir()));
            }
            processes.add(ServiceProcess.start("query-side", jar(jars, "query-side"), ports.query(),
                    options.jvmOptions(), with(common, readModel, "--spring.profiles.active=local"), options.logDir()));
            for (ServiceProcess process : processes) {
                process.awaitReady(READY_TIMEOUT);
            }
            return new LocalStack(infrastructure, processes, secret);
        } catch (IOException | InterruptedException | RuntimeException e) {
            processes.reversed().forEach(ServiceProcess::close);
            infrastructure.close();
            throw e;
        }
    }

    /**
     * The read side alone on fresh servers: the projections process (with {@code projectionArguments}) and the
     * query side, in the {@code local} profile. For read-model benchmarks, which write events straight to Kafka.
     */
    public static LocalStack startReadSide(StackOptions options, List<String> projectionArguments)
            throws IOException, InterruptedException {
        Properties jars = jarLocations();
        Infrastructure infrastructure = Infrastructures.start();
        List<ServiceProcess> processes = new ArrayList<>();
        String secret = randomSecret();
        try {
            List<String> common = List.of(
                    "--spring.kafka.bootstrap-servers=" + infrastructure.kafkaBootstrapServers(),
                    "--spring.datasource.username=" + infrastructure.jdbcUsername(),
                    "--spring.datasource.password=" + infrastructure.jdbcPassword(),
                    "--spring.datasource.url=" + infrastructure.jdbcUrl("readmodel"),
                    "--groupbuy.redis.url=" + infrastructure.redisUrl(),
                    "--groupbuy.security.jwt.secret=" + secret,
                    "--spring.profiles.active=local");
            processes.add(ServiceProcess.start("projections", jar(jars, "projections"), options.ports().projections(),
                    options.jvmOptions(), Stream.concat(common.stream(), projectionArguments.stream()).toList(),
                    options.logDir()));
            processes.getFirst().awaitReady(READY_TIMEOUT);
            processes.add(ServiceProcess.start("query-side", jar(jars, "query-side"), options.ports().query(),
                    options.jvmOptions(), common, options.logDir()));
            processes.get(1).awaitReady(READY_TIMEOUT);
            return new LocalStack(infrastructure, processes, secret);
        } catch (IOException | InterruptedException | RuntimeException e) {
            processes.reversed().forEach(ServiceProcess::close);
            infrastructure.close();
            throw e;
        }
    }

    public String apiUrl() {
        return process("api").baseUrl();
    }

    public String queryUrl() {
        return process("query-side").baseUrl();
    }

    public String projectionsUrl() {
        return process("projections").baseUrl();
    }

    public String workerUrl() {
        return process("worker").baseUrl();
    }

    public int workerCount() {
        return (int) processes.stream().filter(p -> p.name().startsWith("worker")).count();
    }

    public Infrastructure infrastructure() {
        return infrastructure;
    }

    String jwtSecret() {
        return jwtSecret;
    }

    List<ServiceProcess> processes() {
        return processes;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            processes.reversed().forEach(ServiceProcess::close);
            infrastructure.close();
        }
    }

    /** Stops every process (gracefully), then starts them all again against the same servers. */
    void restartAll() throws IOException, InterruptedException {
        processes.reversed().forEach(ServiceProcess::close);
        for (ServiceProcess process : processes) {
            process.launch();
        }
        for (ServiceProcess process : processes) {
            process.awaitReady(READY_TIMEOUT);
        }
    }

    ServiceProcess process(String name) {
        return processes.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<String> with(List<String> common, String... more) {
        return Stream.concat(common.stream(), Stream.of(more)).toList();
    }

    private static Path jar(Properties jars, String module) {
        return Path.of(jars.getProperty(module + ".jar")).normalize();
    }

    private static Properties jarLocations() {
        try (InputStream in = LocalStack.class.getResourceAsStream("/stack.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String randomSecret() {
        byte[] bytes = new byte[48];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
