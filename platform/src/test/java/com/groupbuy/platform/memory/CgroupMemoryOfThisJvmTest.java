package com.groupbuy.platform.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The binder on the cgroup of the JVM running this test, whichever layout the machine has (the build machines: the
 * v1 memory controller beside a v2 hierarchy without one).
 */
class CgroupMemoryOfThisJvmTest {

    private static CgroupMemory cgroup;
    private static SimpleMeterRegistry registry;

    @BeforeAll
    static void find_this_jvms_cgroup() {
        cgroup = CgroupMemory.ofThisProcess().orElseThrow(() -> new AssertionError("no memory cgroup found"));
        registry = new SimpleMeterRegistry();
        new CgroupMemoryMetrics().bindTo(registry);
    }

    @Test
    void the_cgroup_found_is_the_one_this_jvm_runs_in() throws IOException {
        String pid = Long.toString(ProcessHandle.current().pid());

        assertThat(Files.readAllLines(cgroup.directory.resolve("cgroup.procs"))).as("%s", cgroup.directory).contains(pid);
        assertThat(cgroup.version()).isEqualTo(Files.exists(cgroup.directory.resolve("memory.current")) ? "2" : "1");
    }

    @Test
    void the_cgroups_anonymous_memory_holds_at_least_this_jvms_own() throws IOException {
        double jvmAnon = kibibytes("RssAnon") * 1024;

        assertThat(gauge("anon")).isGreaterThanOrEqualTo(jvmAnon).isGreaterThan(0);
        assertThat(gauge("usage")).isGreaterThanOrEqualTo(gauge("anon"));
    }

    @Test
    void the_working_set_is_within_usage_and_usage_within_the_limit() {
        assertThat(gauge("working.set")).isPositive().isLessThanOrEqualTo(gauge("usage"));
        assertThat(gauge("limit")).as("a limit, or +Inf for none").isGreaterThanOrEqualTo(gauge("usage"));
        assertThat(gauge("file")).isNotNaN().isNotNegative();
    }

    @Test
    void the_counters_of_this_layout_are_registered_and_read() {
        assertThat(registry.get(CgroupMemoryMetrics.PREFIX + "limit.hits").functionCounter().count()).isNotNegative();
        assertThat(registry.get(CgroupMemoryMetrics.PREFIX + "oom.kills").tag("cgroup", cgroup.version())
                .functionCounter().count()).isNotNegative();
        assertThat(registry.find(CgroupMemoryMetrics.PREFIX + "oom").functionCounter() != null)
                .as("memory.events' oom exists in v2 only").isEqualTo(cgroup.version().equals("2"));
    }

    private static double gauge(String name) {
        return registry.get(CgroupMemoryMetrics.PREFIX + name).tag("cgroup", cgroup.version()).gauge().value();
    }

    /** A "Name:   123 kB" line of /proc/self/status. */
    private static long kibibytes(String field) throws IOException {
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(line -> line.startsWith(field + ":"))
                .map(line -> Arrays.stream(line.split("\\s+")).skip(1).findFirst().orElseThrow())
                .mapToLong(Long::parseLong)
                .findFirst().orElseThrow();
    }
}
