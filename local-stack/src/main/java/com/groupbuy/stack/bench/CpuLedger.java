package com.groupbuy.stack.bench;

import com.groupbuy.stack.StackClient;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CPU used by a benchmark's stack between two samples: each process of ours (from its own
 * {@code process_cpu_time_ns_total}), the load generator (this JVM) and the whole machine (busy jiffies of
 * {@code /proc/stat}). What the machine spent beyond our processes and the load generator is Kafka, PostgreSQL and
 * Redis (and anything else running, which is why benchmarks want a quiet machine).
 */
final class CpuLedger {

    private static final Pattern CPU_NANOS = Pattern.compile(
            "^process_cpu_time_ns_total(?:\\{[^}]*})? ([0-9.E+]+)$", Pattern.MULTILINE);
    /**
     * The JVM's CompilationMXBean total: elapsed time its JIT compiler threads spent compiling, summed over them
     * (waiting for a core included).
     */
    private static final Pattern COMPILATION_MILLIS = Pattern.compile(
            "^jvm_compilation_time_ms_total(?:\\{[^}]*})? ([0-9.E+]+)$", Pattern.MULTILINE);
    /** USER_HZ, the unit of /proc/stat on Linux. */
    private static final double TICKS_PER_SECOND = 100;

    record Sample(Map<String, Double> processSeconds, double compilationSeconds, double loadGeneratorSeconds,
                  double machineBusySeconds) {
    }

    /**
     * CPU seconds of a period, the load generator's left out of {@link #stackSeconds()}; and the seconds our
     * processes' JIT compilers spent compiling in it (elapsed, not CPU).
     */
    record Spent(Map<String, Double> processSeconds, double compilationSeconds, double loadGeneratorSeconds,
                 double machineBusySeconds) {

        double stackSeconds() {
            return Math.max(0, machineBusySeconds - loadGeneratorSeconds);
        }

        double serversSeconds() {
            return Math.max(0, stackSeconds() - processSeconds.values().stream().mapToDouble(Double::doubleValue).sum());
        }

        /** One Markdown table row: each process, the servers, the load generator, in seconds. */
        String row() {
            StringBuilder row = new StringBuilder("|");
            processSeconds.values().forEach(seconds -> row.append(String.format(" %.1f |", seconds)));
            return row.append(String.format(" %.1f | %.1f | %.1f |", serversSeconds(), loadGeneratorSeconds,
                    stackSeconds())).toString();
        }

        String header() {
            return "| " + String.join(" | ", processSeconds.keySet())
                    + " | Kafka, PostgreSQL, Redis | load generator | stack total |\n"
                    + "|---".repeat(processSeconds.size() + 3) + "|";
        }
    }

    private final StackClient client;
    private final Map<String, String> processUrls;

    CpuLedger(StackClient client, Map<String, String> processUrls) {
        this.client = client;
        this.processUrls = processUrls;
    }

    Sample sample() throws Exception {
        Map<String, Double> seconds = new LinkedHashMap<>();
        double compilation = 0;
        for (var process : processUrls.entrySet()) {
            String metrics = client.getText(process.getValue() + "/actuator/prometheus");
            Matcher cpu = CPU_NANOS.matcher(metrics);
            seconds.put(process.getKey(), cpu.find() ? Double.parseDouble(cpu.group(1)) / 1e9 : Double.NaN);
            Matcher compiled = COMPILATION_MILLIS.matcher(metrics);
            compilation += compiled.find() ? Double.parseDouble(compiled.group(1)) / 1e3 : Double.NaN;
        }
        double loadGenerator = ((com.sun.management.OperatingSystemMXBean)
                ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
        return new Sample(seconds, compilation, loadGenerator, machineBusyTicks() / TICKS_PER_SECOND);
    }

    static Spent between(Sample before, Sample after) {
        Map<String, Double> processes = new LinkedHashMap<>();
        after.processSeconds().forEach((name, seconds) ->
                processes.put(name, seconds - before.processSeconds().getOrDefault(name, 0.0)));
        return new Spent(processes, after.compilationSeconds() - before.compilationSeconds(),
                after.loadGeneratorSeconds() - before.loadGeneratorSeconds(),
                after.machineBusySeconds() - before.machineBusySeconds());
    }

    /** user + nice + system + irq + softirq + steal of the first line of /proc/stat (idle and iowait left out). */
    private static long machineBusyTicks() throws IOException {
        String[] ticks = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
        long busy = 0;
        for (int i = 1; i < Math.min(ticks.length, 9); i++) {
            if (i != 4 && i != 5) {
                busy += Long.parseLong(ticks[i]);
            }
        }
        return busy;
    }
}
