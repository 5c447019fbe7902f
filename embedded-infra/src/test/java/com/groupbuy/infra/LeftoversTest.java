package com.groupbuy.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeftoversTest {

    @TempDir
    Path parent;

    private Process server;

    @AfterEach
    void killServer() {
        if (server != null) {
            server.destroyForcibly();
        }
    }

    @Test
    void the_directory_of_a_dead_jvm_is_deleted_and_its_servers_are_stopped() throws Exception {
        Process deadOwner = new ProcessBuilder("true").start();
        ProcessRecord owner = ProcessRecord.of(deadOwner.toHandle());
        deadOwner.waitFor();
        server = new ProcessBuilder("sleep", "120").start();
        Path leftover = workDirectory("groupbuy-infra-dead", owner);
        ProcessRecord.of(server.toHandle()).write(leftover.resolve("redis.pid"));

        Leftovers.clean(parent);

        assertThat(leftover).doesNotExist();
        assertThat(server.waitFor(5, TimeUnit.SECONDS)).as("leftover server stopped").isTrue();
    }

    @Test
    void the_directory_of_a_live_jvm_is_kept() throws Exception {
        Path inUse = workDirectory("groupbuy-infra-live", ProcessRecord.of(ProcessHandle.current()));

        Leftovers.clean(parent);

        assertThat(inUse).exists();
    }

    @Test
    void a_pid_that_now_belongs_to_a_younger_process_does_not_keep_a_directory() throws Exception {
        ProcessRecord current = ProcessRecord.of(ProcessHandle.current());
        ProcessRecord earlierOwnerWithSamePid =
                new ProcessRecord(current.pid(), current.startEpochMillis() - Duration.ofHours(1).toMillis());
        Path leftover = workDirectory("groupbuy-infra-reused", earlierOwnerWithSamePid);

        Leftovers.clean(parent);

        assertThat(leftover).doesNotExist();
    }

    @Test
    void directories_of_other_programs_are_left_alone() throws Exception {
        Path other = Files.createDirectory(parent.resolve("someone-else"));
        new ProcessRecord(Long.MAX_VALUE, 1).write(other.resolve(WorkDirectory.OWNER_FILE));

        Leftovers.clean(parent);

        assertThat(other).exists();
    }

    private Path workDirectory(String name, ProcessRecord owner) throws Exception {
        Path directory = Files.createDirectory(parent.resolve(name));
        owner.write(directory.resolve(WorkDirectory.OWNER_FILE));
        Files.createDirectories(directory.resolve("postgres/data"));
        Files.writeString(directory.resolve("postgres/data/PG_VERSION"), "17\n");
        return directory;
    }
}
