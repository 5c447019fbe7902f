package com.groupbuy.stack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * How to run the stack: fixed ports (the local run uses the defaults of SPEC.md) or free ones (tests), where the
 * processes write their logs, the JVM options of each process, and how many api and worker processes run. With
 * several apis, {@link Ports#api()} is a round-robin balancer over them and each api has a free port of its own.
 */
public record StackOptions(Ports ports, Path logDir, List<String> jvmOptions, List<String> arguments, int apis,
                           int workers) {

    public StackOptions {
        if (apis < 1) {
            throw new IllegalArgumentException("the stack needs at least one api process, not " + apis);
        }
        if (workers < 0) {
            throw new IllegalArgumentException("the number of workers cannot be negative: " + workers);
        }
    }

    public record Ports(int api, int query, int projections, int worker) {

        public static Ports defaults() {
            return new Ports(8081, 8082, 8083, 8084);
        }

        public static Ports free() {
            return new Ports(FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next());
        }
    }

    public static StackOptions forLocalRun(Path logDir) {
        return new StackOptions(Ports.defaults(), logDir, List.of("-Xmx512m", "-XX:+UseSerialGC"), List.of(), 1, 1);
    }

    /** Free ports, and start-up over peak speed: these processes live for one test run. */
    public static StackOptions forTests(Path logDir) {
        return new StackOptions(Ports.free(), logDir,
                List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), List.of(), 1, 1);
    }

    /** The same, with extra Spring arguments for every process (e.g. a shorter payment window). */
    public StackOptions withArguments(String... more) {
        return new StackOptions(ports, logDir, jvmOptions, List.of(more), apis, workers);
    }

    /** The same with {@code apis} api processes and {@code workers} worker processes, each its own JVM. */
    public StackOptions withProcesses(int apis, int workers) {
        return new StackOptions(ports, logDir, jvmOptions, arguments, apis, workers);
    }

    /**
     * Free ports and fully optimising JVMs, {@code workers} worker processes: for benchmarks. With
     * {@code -Dgroupbuy.bench.profile=true} every process records a JFR profile ({@code <pid>.jfr} in the log dir).
     */
    public static StackOptions forBenchmark(Path logDir, int workers) {
        List<String> jvm = new ArrayList<>(List.of("-Xms512m", "-Xmx1g", "-XX:+UseParallelGC"));
        if (Boolean.getBoolean("groupbuy.bench.profile")) {
            jvm.add("-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                    + logDir.toAbsolutePath().resolve("%p.jfr"));
        }
        return new StackOptions(Ports.free(), logDir, List.copyOf(jvm), List.of(), 1, workers);
    }
}
