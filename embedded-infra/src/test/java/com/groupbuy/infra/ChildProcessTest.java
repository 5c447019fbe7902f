package com.groupbuy.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessTest {

    @TempDir
    Path directory;

    @Test
    void a_server_that_exits_because_its_port_is_taken_reports_a_port_clash() throws Exception {
        ChildProcess server = start("echo starting; echo 'bind 127.0.0.1:4242: Address already in use' >&2; exit 1");

        assertThatThrownBy(() -> server.awaitReady(Duration.ofSeconds(10), () -> false))
                .isInstanceOf(PortInUseException.class)
                .hasMessageContaining("127.0.0.1:4242");
    }

    @Test
    void a_server_that_exits_for_another_reason_reports_its_exit_code_and_output() throws Exception {
        ChildProcess server = start("echo 'FATAL: bad setting'; exit 7");

        assertThatThrownBy(() -> server.awaitReady(Duration.ofSeconds(10), () -> false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exited with code 7")
                .hasMessageContaining("FATAL: bad setting");
    }

    @Test
    void a_server_that_never_gets_ready_is_given_up_on_after_the_timeout() throws Exception {
        ChildProcess server = start("echo waiting; sleep 60");
        try {
            assertThatThrownBy(() -> server.awaitReady(Duration.ofMillis(300), () -> false))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("not ready within")
                    .hasMessageContaining("waiting");
        } finally {
            server.stop(Duration.ofSeconds(5));
        }
        assertThat(server.isAlive()).isFalse();
    }

    @Test
    void a_failing_tool_reports_its_output() {
        assertThatThrownBy(() -> ChildProcess.run("tool", List.of("sh", "-c", "echo 'no such file'; exit 2"),
                directory, directory.resolve("tool.log"), Duration.ofSeconds(10)))
                .hasMessageContaining("exit code 2")
                .hasMessageContaining("no such file");
    }

    private ChildProcess start(String script) throws Exception {
        return ChildProcess.start("server", List.of("sh", "-c", script), directory, directory.resolve("server.log"));
    }
}
