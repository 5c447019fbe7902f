package com.groupbuy.platform.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The binder on cgroup files as the kernel writes them, under a stand-in root: a Kubernetes container on a cgroup v2
 * node (with and without its own cgroup namespace), on a v1 node, and a machine with both mounted.
 */
class CgroupMemoryLayoutsTest {

    private static final String POD = "/kubepods.slice/kubepods-burstable.slice/kubepods-burstable-pod0f1e2d.slice"
            + "/cri-containerd-7a9c.scope";

    /** memory.stat of a 6.1 kernel: 734003200 charged, 41943040 of it inactive page cache. */
    private static final String V2_STAT = """
            anon 612368384
            file 104857600
            kernel 15728640
            kernel_stack 1048576
            pagetables 2359296
            sec_pagetables 0
            percpu 360
            sock 0
            vmalloc 0
            shmem 0
            zswap 0
            zswapped 0
            file_mapped 52428800
            file_dirty 0
            file_writeback 0
            swapcached 0
            anon_thp 0
            file_thp 0
            shmem_thp 0
            inactive_anon 612368384
            active_anon 0
            inactive_file 41943040
            active_file 62914560
            unevictable 0
            slab_reclaimable 5242880
            slab_unreclaimable 6291456
            slab 11534336
            workingset_refault_anon 3
            workingset_refault_file 1204
            workingset_activate_anon 0
            workingset_activate_file 310
            workingset_restore_anon 0
            workingset_restore_file 120
            workingset_nodereclaim 0
            pgscan 52011
            pgsteal 51987
            pgscan_kswapd 0
            pgscan_direct 52011
            pgsteal_kswapd 0
            pgsteal_direct 51987
            pgfault 402301
            pgmajfault 87
            pgrefill 1029
            pgactivate 3021
            pgdeactivate 1017
            pglazyfree 0
            pglazyfreed 0
            zswpin 0
            zswpout 0
            thp_fault_alloc 0
            thp_collapse_alloc 0
            """;
    private static final String V2_EVENTS = """
            low 0
            high 0
            max 57
            oom 2
            oom_kill 1
            oom_group_kill 0
            """;

    @TempDir
    Path root;

    @Test
    void a_container_on_a_cgroup_v2_node_with_its_own_cgroup_namespace_reads_the_root_of_the_mount() throws IOException {
        write("proc/self/cgroup", "0::/\n");
        write("proc/self/mountinfo", """
                1441 1416 0:31 / /sys/fs/cgroup ro,nosuid,nodev,noexec,relatime - cgroup2 cgroup rw,nsdelegate,memory_recursiveprot
                """);
        Path cgroup = v2Files("sys/fs/cgroup", "1073741824\n");

        SimpleMeterRegistry registry = bound();

        assertThat(CgroupMemory.locate(root).orElseThrow().directory).isEqualTo(cgroup);
        assertThat(gauge(registry, "usage", "2")).isEqualTo(734003200);
        assertThat(gauge(registry, "limit", "2")).isEqualTo(1073741824);
        assertThat(gauge(registry, "working.set", "2")).as("usage - inactive_file").isEqualTo(734003200 - 41943040);
        assertThat(gauge(registry, "anon", "2")).isEqualTo(612368384);
        assertThat(gauge(registry, "file", "2")).isEqualTo(104857600);
        assertThat(counter(registry, "workingset.refaults")).as("anon + file refaults").isEqualTo(1207);
        assertThat(counter(registry, "limit.hits")).isEqualTo(57);
        assertThat(counter(registry, "oom")).isEqualTo(2);
        assertThat(counter(registry, "oom.kills")).isEqualTo(1);
    }

    @Test
    void a_process_on_a_cgroup_v2_host_reads_its_cgroup_below_the_mount_and_max_is_no_limit() throws IOException {
        write("proc/self/cgroup", "0::" + POD + "\n");
        write("proc/self/mountinfo", """
                22 29 0:20 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:9 - cgroup2 cgroup2 rw,nsdelegate,memory_recursiveprot
                """);
        Path cgroup = v2Files("sys/fs/cgroup" + POD, "max\n");

        SimpleMeterRegistry registry = bound();

        assertThat(CgroupMemory.locate(root).orElseThrow().directory).isEqualTo(cgroup);
        assertThat(gauge(registry, "limit", "2")).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void a_kernel_before_5_9_counts_refaults_in_one_field() throws IOException {
        write("proc/self/cgroup", "0::/\n");
        write("proc/self/mountinfo", "30 25 0:26 / /sys/fs/cgroup rw - cgroup2 cgroup2 rw\n");
        Path cgroup = v2Files("sys/fs/cgroup", "1073741824\n");
        Files.writeString(cgroup.resolve("memory.stat"), V2_STAT
                .replace("workingset_refault_anon 3\nworkingset_refault_file 1204\n", "workingset_refault 880\n"));

        assertThat(counter(bound(), "workingset.refaults")).isEqualTo(880);
    }

    @Test
    void a_container_on_a_cgroup_v1_node_reads_the_memory_controller_and_its_total_figures() throws IOException {
        String path = "/kubepods/burstable/pod0f1e2d/7a9c";
        write("proc/self/cgroup", """
                12:memory:%s
                11:cpu,cpuacct:%s
                0::/
                """.formatted(path, path));
        write("proc/self/mountinfo", """
                35 31 0:32 %s /sys/fs/cgroup/memory ro,nosuid,nodev,noexec,relatime - cgroup cgroup rw,memory
                33 31 0:30 %s /sys/fs/cgroup/cpu,cpuacct ro,nosuid,nodev,noexec,relatime - cgroup cgroup rw,cpu,cpuacct
                """.formatted(path, path));
        Path cgroup = v1Files("sys/fs/cgroup/memory", "536870912\n");

        SimpleMeterRegistry registry = bound();

        assertThat(CgroupMemory.locate(root).orElseThrow().directory).isEqualTo(cgroup);
        assertThat(gauge(registry, "usage", "1")).isEqualTo(46456832);
        assertThat(gauge(registry, "limit", "1")).isEqualTo(536870912);
        assertThat(gauge(registry, "working.set", "1")).as("usage - total_inactive_file")
                .isEqualTo(46456832 - 36687872);
        assertThat(gauge(registry, "anon", "1")).as("total_rss").isEqualTo(1781760);
        assertThat(gauge(registry, "file", "1")).as("total_cache").isEqualTo(41902080);
        assertThat(counter(registry, "workingset.refaults")).isEqualTo(8537);
        assertThat(counter(registry, "limit.hits")).as("memory.failcnt").isEqualTo(4);
        assertThat(counter(registry, "oom.kills")).as("memory.oom_control").isEqualTo(1);
        assertThat(registry.find(CgroupMemoryMetrics.PREFIX + "oom").functionCounter()).isNull();
    }

    @Test
    void the_v1_memory_controller_wins_over_a_v2_hierarchy_without_memory_files_and_v1_no_limit_is_infinite()
            throws IOException {
        write("proc/self/cgroup", """
                9:name=systemd:/
                4:memory:/process_api/5a001e37
                1:cpu:/
                0::/
                """);
        write("proc/self/mountinfo", """
                31 23 0:28 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
                32 31 0:29 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu
                35 31 0:32 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
                41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
                """);
        write("sys/fs/cgroup/unified/memory.pressure", "some avg10=0.00 avg60=0.00 avg300=0.00 total=0\n");
        Path cgroup = v1Files("sys/fs/cgroup/memory/process_api/5a001e37", "9223372036854771712\n");

        SimpleMeterRegistry registry = bound();

        assertThat(CgroupMemory.locate(root).orElseThrow().directory).isEqualTo(cgroup);
        assertThat(gauge(registry, "limit", "1")).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void without_proc_files_there_is_no_cgroup_and_nothing_is_registered() {
        SimpleMeterRegistry registry = bound();

        assertThat(CgroupMemory.locate(root)).isEmpty();
        assertThat(registry.getMeters()).isEmpty();
    }

    @Test
    void a_file_that_disappears_reads_as_unknown_not_as_its_last_value() throws IOException {
        write("proc/self/cgroup", "0::/\n");
        write("proc/self/mountinfo", "30 25 0:26 / /sys/fs/cgroup rw - cgroup2 cgroup2 rw\n");
        Path cgroup = v2Files("sys/fs/cgroup", "1073741824\n");
        SimpleMeterRegistry registry = bound();
        assertThat(gauge(registry, "usage", "2")).isEqualTo(734003200);

        Files.delete(cgroup.resolve("memory.current"));

        assertThat(gauge(registry, "usage", "2")).isNaN();
    }

    private SimpleMeterRegistry bound() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new CgroupMemoryMetrics(CgroupMemory.locate(root)).bindTo(registry);
        return registry;
    }

    private Path v2Files(String directory, String max) throws IOException {
        write(directory + "/memory.current", "734003200\n");
        write(directory + "/memory.max", max);
        write(directory + "/memory.stat", V2_STAT);
        write(directory + "/memory.events", V2_EVENTS);
        return root.resolve(directory);
    }

    /** The memory controller's files as a 6.18 kernel writes them (memory.stat abridged to the fields read). */
    private Path v1Files(String directory, String limit) throws IOException {
        write(directory + "/memory.usage_in_bytes", "46456832\n");
        write(directory + "/memory.limit_in_bytes", limit);
        write(directory + "/memory.failcnt", "4\n");
        write(directory + "/memory.oom_control", "oom_kill_disable 0\nunder_oom 0\noom_kill 1\n");
        write(directory + "/memory.stat", """
                cache 41902080
                rss 1781760
                rss_huge 0
                shmem 0
                mapped_file 0
                dirty 1044480
                writeback 0
                workingset_refault_anon 0
                workingset_refault_file 8537
                swap 0
                inactive_anon 1744896
                active_anon 8192
                inactive_file 36687872
                active_file 5214208
                unevictable 0
                hierarchical_memory_limit 9223372036854771712
                total_cache 41902080
                total_rss 1781760
                total_workingset_refault_anon 0
                total_workingset_refault_file 8537
                total_inactive_anon 1744896
                total_active_anon 8192
                total_inactive_file 36687872
                total_active_file 5214208
                total_unevictable 0
                """);
        return root.resolve(directory);
    }

    private void write(String file, String content) throws IOException {
        Path path = root.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content);
    }

    private static double gauge(SimpleMeterRegistry registry, String name, String version) {
        return registry.get(CgroupMemoryMetrics.PREFIX + name).tag("cgroup", version).gauge().value();
    }

    private static double counter(SimpleMeterRegistry registry, String name) {
        return registry.get(CgroupMemoryMetrics.PREFIX + name).functionCounter().count();
    }
}
