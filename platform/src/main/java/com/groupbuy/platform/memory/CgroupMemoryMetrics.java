package com.groupbuy.platform.memory;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The process's cgroup memory as Prometheus sees it, tagged {@code cgroup} 1 or 2: {@code cgroup_memory_usage_bytes},
 * {@code _limit_bytes} (+Inf without a limit), {@code _working_set_bytes} (usage minus inactive page cache, what the
 * kubelet evicts on and the OOM killer is near when it reaches the limit), {@code _anon_bytes}, {@code _file_bytes},
 * and the counters {@code cgroup_memory_limit_hits_total}, {@code _workingset_refaults_total}, {@code _oom_total} (v2)
 * and {@code _oom_kills_total}. A file that cannot be read gives NaN, not the last value. Nothing is registered where
 * the process has no memory cgroup.
 */
public final class CgroupMemoryMetrics implements MeterBinder {

    static final String PREFIX = "cgroup.memory.";

    private final Optional<CgroupMemory> cgroup;

    public CgroupMemoryMetrics() {
        this(CgroupMemory.ofThisProcess());
    }

    CgroupMemoryMetrics(Optional<CgroupMemory> cgroup) {
        this.cgroup = cgroup;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        cgroup.ifPresent(memory -> bind(memory, registry, Tags.of("cgroup", memory.version())));
    }

    private static void bind(CgroupMemory memory, MeterRegistry registry, Tags tags) {
        gauge(registry, tags, memory, "usage", "Memory charged to the cgroup", CgroupMemory::usage);
        gauge(registry, tags, memory, "limit", "The cgroup's memory limit", CgroupMemory::limit);
        gauge(registry, tags, memory, "working.set", "Usage minus inactive page cache", CgroupMemory::workingSet);
        gauge(registry, tags, memory, "anon", "Anonymous memory of the cgroup", CgroupMemory::anon);
        gauge(registry, tags, memory, "file", "Page cache of the cgroup", CgroupMemory::file);
        counter(registry, tags, memory, "limit.hits", "Times usage hit the limit", CgroupMemory::limitHits);
        optionalCounter(registry, tags, memory, "workingset.refaults", "Reclaimed pages read back in",
                CgroupMemory::workingsetRefaults);
        optionalCounter(registry, tags, memory, "oom", "Times the limit was hit and reclaim failed",
                CgroupMemory::ooms);
        optionalCounter(registry, tags, memory, "oom.kills", "Processes of the cgroup the OOM killer killed",
                CgroupMemory::oomKills);
    }

    private static void gauge(MeterRegistry registry, Tags tags, CgroupMemory memory, String name, String description,
                              ToDoubleFunction<CgroupMemory> value) {
        Gauge.builder(PREFIX + name, memory, orNaN(value)).tags(tags).baseUnit("bytes").description(description)
                .register(registry);
    }

    private static void counter(MeterRegistry registry, Tags tags, CgroupMemory memory, String name,
                                String description, ToDoubleFunction<CgroupMemory> value) {
        FunctionCounter.builder(PREFIX + name, memory, orNaN(value)).tags(tags).description(description)
                .register(registry);
    }

    /** A counter the cgroup's layout or kernel may not have; registered only where it has it. */
    private static void optionalCounter(MeterRegistry registry, Tags tags, CgroupMemory memory, String name,
                                        String description, Function<CgroupMemory, OptionalDouble> value) {
        if (orEmpty(value).apply(memory).isPresent()) {
            counter(registry, tags, memory, name, description,
                    m -> orEmpty(value).apply(m).orElse(Double.NaN));
        }
    }

    private static ToDoubleFunction<CgroupMemory> orNaN(ToDoubleFunction<CgroupMemory> value) {
        return memory -> {
            try {
                return value.applyAsDouble(memory);
            } catch (RuntimeException e) {
                return Double.NaN;
            }
        };
    }

    private static Function<CgroupMemory, OptionalDouble> orEmpty(Function<CgroupMemory, OptionalDouble> value) {
        return memory -> {
            try {
                return value.apply(memory);
            } catch (RuntimeException e) {
                return OptionalDouble.empty();
            }
        };
    }
}
