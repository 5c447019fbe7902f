package com.groupbuy.infra;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A server or tool process of ours whose output goes to a log file, read back when it fails. */
final class ChildProcess {

    private static final Logger log = LoggerFactory.getLogger(ChildProcess.class);
    private static final int TAIL_LINES = 40;
    private static final String PORT_IN_USE = "Address already in use";
    private static final Duration POLL_INTERVAL = Duration.ofMillis(100);
    private static final Duration KILL_WAIT = Duration.ofSeconds(5);

    private final String name;
    private final Process process;
    private final Path logFile;

    private final List<String> command;
    private final Path workingDirectory;

    private ChildProcess(String name, Process process, List<String> command, Path workingDirectory, Path logFile) {
        this.name = name;
        this.process = process;
        this.command = List.copyOf(command);
        this.workingDirectory = workingDirectory;
        this.logFile = logFile;
    }

    static ChildProcess start(String name, List<String> command, Path workingDirectory, Path logFile)
            throws IOException {
        Process process = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .start();
        return new ChildProcess(name, process, command, workingDirectory, logFile);
    }

    /** Starts the same command again, in the same directory and appending to the same log, once this one ended. */
    ChildProcess startAgain() throws IOException {
        if (process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        return start(name, command, workingDirectory, logFile);
    }

    /** Runs a tool to its end and fails with its output unless it succeeded. */
    static void run(String name, List<String> command, Path workingDirectory, Path logFile, Duration timeout)
            throws IOException, InterruptedException {
        ChildProcess tool = start(name, command, workingDirectory, logFile);
        if (!tool.process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            tool.process.destroyForcibly();
            throw new IllegalStateException(name + " did not finish within " + timeout + ":\n" + tool.logTail());
        }
        if (tool.process.exitValue() != 0) {
            throw new IllegalStateException(
                    name + " failed with exit code " + tool.process.exitValue() + ":\n" + tool.logTail());
        }
    }

    interface Probe {
        boolean ready() throws Exception;
    }

    /** Waits until the probe succeeds; gives up when the process exits or the time is over. */
    void awaitReady(Duration timeout, Probe probe) throws PortInUseException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            ensureRunning();
            if (probeQuietly(probe)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " was not ready within " + timeout + ":\n" + logTail());
            }
            Thread.sleep(POLL_INTERVAL);
        }
    }

    void ensureRunning() throws PortInUseException {
        if (process.isAlive()) {
            return;
        }
        String output = output();
        if (output.contains(PORT_IN_USE)) {
            throw new PortInUseException(name + ": " + lastLineMentioning(output, PORT_IN_USE));
        }
        throw new IllegalStateException(name + " exited with code " + process.exitValue() + ":\n" + tail(output));
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Sends SIGTERM and waits for the process to end. */
    void stop(Duration grace) {
        stop(grace, process::destroy);
    }

    void stop(Duration grace, Runnable politeStop) {
        if (!process.isAlive()) {
            return;
        }
        politeStop.run();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("{} did not stop within {}, killing it", name, grace);
                process.destroyForcibly().waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Sends a signal Java has no method for, such as SIGINT. */
    void signal(String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start()
                    .waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (IOException e) {
            log.warn("Cannot send SIG{} to {}, terminating it instead: {}", signal, name, e.toString());
            process.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    String logTail() {
        return tail(output());
    }

    private String output() {
        try {
            return new String(Files.readAllBytes(logFile), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    private static String tail(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
    }

    private static boolean probeQuietly(Probe probe) {
        try {
            return probe.ready();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception notYet) {
            return false;
        }
    }

    private static String lastLineMentioning(String text, String phrase) {
        return text.lines().filter(line -> line.contains(phrase)).reduce((first, second) -> second).orElse(phrase);
    }
}
