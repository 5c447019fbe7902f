package com.groupbuy.platform.memory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The memory figures of the cgroup this process runs in, read from its files at every call: what the kernel, and so
 * the OOM killer and the kubelet, count against the container. Two layouts, as Kubernetes nodes have either:
 * cgroup v2 (memory.current, memory.max, memory.stat, memory.events in the unified hierarchy) and cgroup v1 (the
 * memory controller's memory.usage_in_bytes, memory.limit_in_bytes, memory.stat, memory.failcnt,
 * memory.oom_control). A machine may mount both, v1's memory controller beside an empty v2 hierarchy: the layout
 * is the one whose directory for this process has the memory files.
 */
abstract sealed class CgroupMemory permits CgroupMemory.V1, CgroupMemory.V2 {

    /** v1 writes "no limit" as the largest page-aligned long; anything this high is no limit. */
    private static final long V1_UNLIMITED = 1L << 62;

    final Path directory;

    private CgroupMemory(Path directory) {
        this.directory = directory;
    }

    /** The cgroup of this process, or empty where there is none with a memory controller (not Linux). */
    static Optional<CgroupMemory> ofThisProcess() {
        return locate(Path.of("/"));
    }

    /**
     * The cgroup of the process whose /proc/self/cgroup and /proc/self/mountinfo are under {@code root}, with the mount
     * points of mountinfo resolved under {@code root} too (the real system: "/").
     */
    static Optional<CgroupMemory> locate(Path root) {
        Path cgroupFile = root.resolve("proc/self/cgroup");
        Path mountinfo = root.resolve("proc/self/mountinfo");
        if (!Files.isReadable(cgroupFile) || !Files.isReadable(mountinfo)) {
            return Optional.empty();
        }
        List<String> memberships = lines(cgroupFile);
        List<Mount> mounts = lines(mountinfo).stream().map(Mount::parse).flatMap(Optional::stream).toList();
        Optional<CgroupMemory> v2 = membership(memberships, "")
                .flatMap(path -> mounts.stream().filter(m -> m.type().equals("cgroup2")).findFirst()
                        .map(mount -> mount.directoryOf(root, path)))
                .filter(dir -> Files.isReadable(dir.resolve("memory.current")))
                .map(V2::new);
        if (v2.isPresent()) {
            return v2;
        }
        return membership(memberships, "memory")
                .flatMap(path -> mounts.stream()
                        .filter(m -> m.type().equals("cgroup") && m.superOptions().contains("memory")).findFirst()
                        .map(mount -> mount.directoryOf(root, path)))
                .filter(dir -> Files.isReadable(dir.resolve("memory.usage_in_bytes")))
                .map(V1::new);
    }

    /** The cgroup path of the hierarchy with this controller ("" for the unified v2 hierarchy, line "0::path"). */
    private static Optional<String> membership(List<String> memberships, String controller) {
        for (String line : memberships) {
            String[] fields = line.split(":", 3);
            if (fields.length < 3) {
                continue;
            }
            boolean matches = controller.isEmpty()
                    ? fields[0].equals("0") && fields[1].isEmpty()
                    : List.of(fields[1].split(",")).contains(controller);
            if (matches) {
                return Optional.of(fields[2]);
            }
        }
        return Optional.empty();
    }

    /** One line of /proc/self/mountinfo: mount root, mount point, filesystem type and super options. */
    private record Mount(String mountRoot, String mountPoint, String type, List<String> superOptions) {

        static Optional<Mount> parse(String line) {
            int separator = line.indexOf(" - ");
            if (separator < 0) {
                return Optional.empty();
            }
            String[] before = line.substring(0, separator).split(" ");
            String[] after = line.substring(separator + 3).split(" ");
            if (before.length < 5 || after.length < 3) {
                return Optional.empty();
            }
            return Optional.of(new Mount(unescape(before[3]), unescape(before[4]), after[0],
                    List.of(after[2].split(","))));
        }

        /**
         * Where the cgroup {@code path} is seen through this mount: below the mount point when the path lies under
         * the mount's root; the mount point itself when it does not (a container that sees its own cgroup as the
         * root of the mount, without a cgroup namespace).
         */
        Path directoryOf(Path root, String path) {
            Path mounted = root.resolve(mountPoint.substring(1));
            String relative;
            if (mountRoot.equals("/")) {
                relative = path;
            } else if (path.equals(mountRoot) || path.startsWith(mountRoot + "/")) {
                relative = path.substring(mountRoot.length());
            } else {
                return mounted;
            }
            relative = relative.replaceFirst("^/+", "");
            return relative.isEmpty() ? mounted : mounted.resolve(relative);
        }

        private static String unescape(String field) {
            return field.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\");
        }
    }

    /** "1" or "2". */
    abstract String version();

    /** Bytes charged to the cgroup: anonymous memory, page cache, kernel memory. */
    abstract double usage();

    /** The limit in bytes; +Inf where there is none. */
    abstract double limit();

    /** Anonymous memory (heap, stacks, direct buffers, metaspace: what cannot be dropped but to swap). */
    abstract double anon();

    /** Page cache (files, also the mapped jars). */
    abstract double file();

    /** Pages read back in soon after the kernel reclaimed them: the cgroup is short of memory and thrashes. */
    abstract OptionalDouble workingsetRefaults();

    /** Times usage hit the limit (v2 memory.events max, v1 memory.failcnt). */
    abstract double limitHits();

    /** Times the limit was hit and reclaim could not make room (v2 memory.events oom); v1 does not count them. */
    abstract OptionalDouble ooms();

    /** Processes of the cgroup the OOM killer killed (v2 memory.events oom_kill, v1 memory.oom_control oom_kill). */
    abstract OptionalDouble oomKills();

    /** What the kubelet calls the working set and evicts on: usage minus inactive page cache. */
    final double workingSet() {
        double inactiveFile = stat(inactiveFileKey()).orElse(0);
        return Math.max(0, usage() - inactiveFile);
    }

    abstract String inactiveFileKey();

    /** Refaults of memory.stat's fields with this prefix: anon and file since Linux 5.9, one field before. */
    final OptionalDouble refaults(String prefix) {
        Map<String, OptionalDouble> stat = keyed("memory.stat");
        OptionalDouble anon = stat.getOrDefault(prefix + "workingset_refault_anon", OptionalDouble.empty());
        OptionalDouble file = stat.getOrDefault(prefix + "workingset_refault_file", OptionalDouble.empty());
        if (anon.isPresent() || file.isPresent()) {
            return OptionalDouble.of(anon.orElse(0) + file.orElse(0));
        }
        return stat.getOrDefault(prefix + "workingset_refault", OptionalDouble.empty());
    }

    final OptionalDouble stat(String key) {
        return keyed("memory.stat").getOrDefault(key, OptionalDouble.empty());
    }

    /** A flat-keyed file of "key value" lines (memory.stat, memory.events, memory.oom_control). */
    final Map<String, OptionalDouble> keyed(String file) {
        Map<String, OptionalDouble> values = new HashMap<>();
        for (String line : lines(directory.resolve(file))) {
            String[] fields = line.trim().split("\\s+");
            if (fields.length == 2) {
                values.put(fields[0], OptionalDouble.of(Double.parseDouble(fields[1])));
            }
        }
        return values;
    }

    final double single(String file) {
        String value = read(directory.resolve(file)).trim();
        return value.equals("max") ? Double.POSITIVE_INFINITY : Double.parseDouble(value);
    }

    private static List<String> lines(Path file) {
        return read(file).lines().toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static final class V2 extends CgroupMemory {

        V2(Path directory) {
            super(directory);
        }

        @Override
        String version() {
            return "2";
        }

        @Override
        double usage() {
            return single("memory.current");
        }

        @Override
        double limit() {
            return single("memory.max");
        }

        @Override
        double anon() {
            return stat("anon").orElse(Double.NaN);
        }

        @Override
        double file() {
            return stat("file").orElse(Double.NaN);
        }

        @Override
        OptionalDouble workingsetRefaults() {
            return refaults("");
        }

        @Override
        double limitHits() {
            return keyed("memory.events").getOrDefault("max", OptionalDouble.empty()).orElse(Double.NaN);
        }

        @Override
        OptionalDouble ooms() {
            return keyed("memory.events").getOrDefault("oom", OptionalDouble.empty());
        }

        @Override
        OptionalDouble oomKills() {
            return keyed("memory.events").getOrDefault("oom_kill", OptionalDouble.empty());
        }

        @Override
        String inactiveFileKey() {
            return "inactive_file";
        }
    }

    /** v1's memory.stat has the cgroup's own figures and, prefixed total_, those of its whole subtree: these count. */
    static final class V1 extends CgroupMemory {

        V1(Path directory) {
            super(directory);
        }

        @Override
        String version() {
            return "1";
        }

        @Override
        double usage() {
            return single("memory.usage_in_bytes");
        }

        @Override
        double limit() {
            double limit = single("memory.limit_in_bytes");
            return limit >= V1_UNLIMITED ? Double.POSITIVE_INFINITY : limit;
        }

        @Override
        double anon() {
            return stat("total_rss").orElse(Double.NaN);
        }

        @Override
        double file() {
            return stat("total_cache").orElse(Double.NaN);
        }

        @Override
        OptionalDouble workingsetRefaults() {
            return refaults("total_");
        }

        @Override
        double limitHits() {
            return single("memory.failcnt");
        }

        @Override
        OptionalDouble ooms() {
            return OptionalDouble.empty();
        }

        @Override
        OptionalDouble oomKills() {
            return keyed("memory.oom_control").getOrDefault("oom_kill", OptionalDouble.empty());
        }

        @Override
        String inactiveFileKey() {
            return "total_inactive_file";
        }
    }
}
