package com.groupbuy.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * One of the system's processes, started from its runnable jar the way a container would start it, listening on
 * the loopback interface only: its actuator shares its port here (the chart moves actuator to a port of its own),
 * and nothing of a developer's run should be reachable from other machines.
 */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Path jar;
    private final List<String> jvmOptions;
    private final List<String> arguments;
    private final Path logDir;
    private Process process;

    private ServiceProcess(String name, int port, Path jar, List<String> jvmOptions, List<String> arguments,
                           Path logDir) {
        this.name = name;
        this.port = port;
        this.jar = jar;
        this.jvmOptions = List.copyOf(jvmOptions);
        this.arguments = List.copyOf(arguments);
        this.logDir = logDir;
    }

    static ServiceProcess start(String name, Path jar, int port, List<String> jvmOptions, List<String> arguments,
                                Path logDir) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build first (./mvnw package -DskipTests)");
        }
        Files.createDirectories(logDir);
        ServiceProcess service = new ServiceProcess(name, port, jar, jvmOptions, arguments, logDir);
        service.launch();
        return service;
    }

    /** A process started from the same jar with the same options, under another name and on another port. */
    ServiceProcess startCopy(String copyName, int copyPort) throws IOException {
        return start(copyName, jar, copyPort, jvmOptions, arguments, logDir);
    }

    /** Starts (again) with the same command line; output is appended to the same log. */
    void launch() throws IOException {
        launch(List.of());
    }

    /**
     * Starts (again) with the same command line and {@code moreArguments} after it, for this run only (settings the
     * command line does not have yet: Spring would join a repeated one with a comma).
     */
    synchronized void launch(List<String> moreArguments) throws IOException {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is running already");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        command.add("--server.address=" + InetAddress.getLoopbackAddress().getHostAddress());
        command.add("--server.port=" + port);
        command.addAll(arguments);
        command.addAll(moreArguments);
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()))
                .start();
    }

    /** SIGKILL: the process gets no chance to finish anything, as when a node dies. */
    synchronized void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Waits for the process to end by itself: its exit code, or empty while it still runs after {@code timeout}. */
    OptionalInt awaitExit(Duration timeout) throws InterruptedException {
        Process running;
        synchronized (this) {
            running = process;
        }
        if (!running.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(running.exitValue());
    }

    /** The operating system's id of the running process. */
    synchronized long pid() {
        return process.pid();
    }

    String name() {
        return name;
    }

    /** What the process does: its name without the number of a copy ({@code worker-2} is a {@code worker}). */
    String role() {
        return name.replaceFirst("-\\d+$", "");
    }

    /** The name of the {@code n}th process of {@code role}: the first goes by the role alone. */
    static String nameOf(String role, int n) {
        return n == 1 ? role : role + "-" + n;
    }

    int port() {
        return port;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    Path log() {
        return logDir.resolve(name + ".log");
    }

    /** Waits until the readiness probe answers UP, as Kubernetes would. */
    void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest probe = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log());
            }
            try {
                if (HTTP.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log());
    }

    /** SIGTERM first (graceful shutdown), then force after a grace period. */
    @Override
    public synchronized void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
