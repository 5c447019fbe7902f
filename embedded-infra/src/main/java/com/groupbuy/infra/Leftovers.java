package com.groupbuy.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the servers and deletes the work directories of earlier runs whose JVM died without closing them. All
 * leftover servers are signalled at once and awaited together: their exit is only seen once whoever inherited them
 * has reaped them, which can take a second or two.
 */
final class Leftovers {

    private static final Logger log = LoggerFactory.getLogger(Leftovers.class);
    private static final Duration OWNERLESS_GRACE = Duration.ofMinutes(1);
    private static final Duration STOP_GRACE = Duration.ofSeconds(10);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(50);

    private Leftovers() {
    }

    static void clean(Path parent) {
        List<Path> abandoned = new ArrayList<>();
        List<ProcessHandle> servers = new ArrayList<>();
        try (var directories = Files.newDirectoryStream(parent, WorkDirectory.PREFIX + "*")) {
            for (Path directory : directories) {
                if (Files.isDirectory(directory) && abandoned(directory)) {
                    abandoned.add(directory);
                    WorkDirectory.recordedServers(directory)
                            .forEach(server -> server.liveProcess().ifPresent(servers::add));
                }
            }
        } catch (IOException e) {
            log.warn("Cannot look for leftovers of earlier runs in {}: {}", parent, e.toString());
            return;
        }
        stop(servers);
        abandoned.forEach(Leftovers::delete);
    }

    static boolean abandoned(Path directory) throws IOException {
        var owner = ProcessRecord.read(directory.resolve(WorkDirectory.OWNER_FILE));
        if (owner.isPresent()) {
            return !owner.get().isAlive();
        }
        Instant modified = Files.getLastModifiedTime(directory).toInstant();
        return modified.plus(OWNERLESS_GRACE).isBefore(Instant.now());
    }

    private static void stop(List<ProcessHandle> servers) {
        servers.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        try {
            while (servers.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
                Thread.sleep(POLL_INTERVAL);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        servers.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static void delete(Path directory) {
        try {
            WorkDirectory.deleteRecursively(directory);
            log.info("Removed {}, left behind by a JVM that is gone", directory);
        } catch (UncheckedIOException e) {
            log.warn("Cannot remove the leftover {}: {}", directory, e.toString());
        }
    }
}
