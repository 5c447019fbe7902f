package com.groupbuy.stack;

import com.groupbuy.infra.Infrastructure;
import com.groupbuy.infra.Infrastructures;
import com.groupbuy.infra.ServerOutages;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The whole system on one machine: Kafka, PostgreSQL and Redis (embedded, or Testcontainers where Docker runs),
 * then the api, worker, projections and query-side processes from their built jars, in the {@code local}
 * profile (which alone offers dev tokens); as many apis and workers as {@link StackOptions} asks, each its own
 * JVM. Closing it stops every process it started.
 */
public final class LocalStack implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final String API = "api";
    private static final String WORKER = "worker";

    private final Infrastructure infrastructure;
    private final List<ServiceProcess> processes;
    private final Optional<RoundRobinBalancer> balancer;
    private final String jwtSecret;
    /** How many workers were ever started: a worker added later is numbered after them. */
    private final AtomicInteger workersStarted;
    private final AtomicBoolean closed = new AtomicBoolean();

    private LocalStack(Infrastructure infrastructure, List<ServiceProcess> processes, RoundRobinBalancer balancer,
                       String jwtSecret) {
        this.infrastructure = infrastructure;
        this.processes = new CopyOnWriteArrayList<>(processes);
        this.balancer = Optional.ofNullable(balancer);
        this.jwtSecret = jwtSecret;
        this.workersStarted = new AtomicInteger(ofRole(processes, WORKER).size());
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
            Path commandSide = jar(jars, "command-side");
            List<String> api = with(common, eventStore, "--spring.profiles.active=local,api");
            List<String> worker = with(common, eventStore, "--spring.profiles.active=local,worker");

            // The first api migrates the event store; the other apis and the workers then start against a ready
            // schema. A single api listens on the api port itself; several share it through a balancer.
            int firstApiPort = options.apis() == 1 ? ports.api() : FreePorts.next();
            processes.add(ServiceProcess.start(API, commandSide, firstApiPort, options.jvmOptions(), api,
                    options.logDir()));
            processes.add(ServiceProcess.start("projections", jar(jars, "projections"), ports.projections(),
                    options.jvmOptions(), with(common, readModel, "--spring.profiles.active=local",
                            consoleOrigins(ports.query())), options.logDir()));
            processes.getFirst().awaitReady(READY_TIMEOUT);
            processes.get(1).awaitReady(READY_TIMEOUT);
            for (int i = 2; i <= options.apis(); i++) {
                processes.add(ServiceProcess.start(ServiceProcess.nameOf(API, i), commandSide,
                        FreePorts.next(), options.jvmOptions(), api, options.logDir()));
            }
            for (int i = 1; i <= options.workers(); i++) {
                processes.add(ServiceProcess.start(ServiceProcess.nameOf(WORKER, i), commandSide,
                        i == 1 ? ports.worker() : FreePorts.next(), options.jvmOptions(), worker, options.logDir()));
            }
            processes.add(ServiceProcess.start("query-side", jar(jars, "query-side"), ports.query(),
                    options.jvmOptions(), with(common, readModel, "--spring.profiles.active=local",
                            "--groupbuy.console.operator-url=http://127.0.0.1:" + ports.projections()),
                    options.logDir()));
            for (ServiceProcess process : processes) {
                process.awaitReady(READY_TIMEOUT);
            }
            RoundRobinBalancer balancer = options.apis() == 1 ? null : RoundRobinBalancer.start(ports.api(),
                    ofRole(processes, API).stream().mapToInt(ServiceProcess::port).toArray());
            return new LocalStack(infrastructure, processes, balancer, secret);
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
            return new LocalStack(infrastructure, processes, null, secret);
        } catch (IOException | InterruptedException | RuntimeException e) {
            processes.reversed().forEach(ServiceProcess::close);
            infrastructure.close();
            throw e;
        }
    }

    /** Where clients send commands: the api itself, or the balancer over every api when several run. */
    public String apiUrl() {
        return balancer.map(b -> "http://127.0.0.1:" + b.port()).orElseGet(() -> process(API).baseUrl());
    }

    /** Each api process by its own address, the first (which migrated the event store) first. */
    public List<String> apiUrls() {
        return ofRole(processes, API).stream().map(ServiceProcess::baseUrl).toList();
    }

    /** The worker processes by their own addresses. */
    public List<String> workerUrls() {
        return ofRole(processes, WORKER).stream().map(ServiceProcess::baseUrl).toList();
    }

    public String queryUrl() {
        return process("query-side").baseUrl();
    }

    public String projectionsUrl() {
        return process("projections").baseUrl();
    }

    public String workerUrl() {
        return process(WORKER).baseUrl();
    }

    /** Every process of the stack by name ({@code api}, {@code api-2}, {@code worker}, ...) and its own address. */
    public Map<String, String> processUrls() {
        Map<String, String> urls = new LinkedHashMap<>();
        processes.forEach(process -> urls.put(process.name(), process.baseUrl()));
        return urls;
    }

    public int workerCount() {
        return ofRole(processes, WORKER).size();
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
            balancer.ifPresent(RoundRobinBalancer::close);
            processes.reversed().forEach(ServiceProcess::close);
            infrastructure.close();
        }
    }

    /** Stops every process (gracefully), then starts them all again against the same servers. */
    void restartAll() throws IOException, InterruptedException {
        restart(processes, List.of());
    }

    /**
     * Stops every worker (gracefully), then starts them all again with {@code arguments} added to their command
     * line (settings they were not started with, e.g. a shorter payment window).
     */
    void restartWorkers(String... arguments) throws IOException, InterruptedException {
        restart(ofRole(processes, WORKER), List.of(arguments));
    }

    /**
     * Starts one more worker, a copy of the running ones on a port of its own, named after the last worker started
     * ({@code worker-4} after three); it joins the order queue's consumer group once ready (not awaited here).
     */
    ServiceProcess addWorker() throws IOException {
        ServiceProcess template = ofRole(processes, WORKER).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("no worker to copy"));
        ServiceProcess worker = template.startCopy(ServiceProcess.nameOf(WORKER, workersStarted.incrementAndGet()),
                FreePorts.next());
        processes.add(worker);
        return worker;
    }

    /** Stops and starts the stack's servers, for fault tests; only the embedded ones can. */
    ServerOutages outages() {
        if (infrastructure instanceof ServerOutages outages) {
            return outages;
        }
        throw new UnsupportedOperationException("the servers of " + infrastructure.getClass().getSimpleName()
                + " cannot be stopped and started by the stack");
    }

    /**
     * Stops a process (gracefully) and starts it again with {@code arguments} added to its command line for this
     * run only, then waits until it is ready.
     */
    void restart(String name, String... arguments) throws IOException, InterruptedException {
        restart(List.of(process(name)), List.of(arguments));
    }

    /** Starts a process that ended (killed, or halted by itself) again with its own command line; awaits it ready. */
    void startAgain(String name) throws IOException, InterruptedException {
        ServiceProcess process = process(name);
        process.launch();
        process.awaitReady(READY_TIMEOUT);
    }

    /** SIGKILLs a process, as when its node dies, and no longer counts it as part of the stack. */
    void kill(String name) throws InterruptedException {
        ServiceProcess process = process(name);
        process.kill();
        processes.remove(process);
    }

    private static void restart(List<ServiceProcess> some, List<String> arguments)
            throws IOException, InterruptedException {
        some.reversed().forEach(ServiceProcess::close);
        for (ServiceProcess process : some) {
            process.launch(arguments);
        }
        for (ServiceProcess process : some) {
            process.awaitReady(READY_TIMEOUT);
        }
    }

    ServiceProcess process(String name) {
        return processes.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    /** The processes of one role, in the order they started: {@code role}, {@code role-2}, {@code role-3} ... */
    private static List<ServiceProcess> ofRole(List<ServiceProcess> processes, String role) {
        return processes.stream().filter(p -> p.role().equals(role)).toList();
    }

    /**
     * The console is served by the query side and its operator view calls the projections process: the console's
     * origins, as a browser on this machine names them, may call its operator endpoints.
     */
    private static String consoleOrigins(int queryPort) {
        return "--groupbuy.console.origins=http://localhost:" + queryPort + ",http://127.0.0.1:" + queryPort;
    }

    /** The console's address, served by the query side. */
    public String consoleUrl() {
        return queryUrl() + "/console/";
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
