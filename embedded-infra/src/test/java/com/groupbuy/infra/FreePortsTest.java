package com.groupbuy.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void ports_handed_out_are_distinct_and_free_to_bind() throws Exception {
        int[] ports = FreePorts.take(5);
        int[] more = FreePorts.take(5);

        assertThat(Arrays.stream(ports).boxed().toList()).doesNotHaveDuplicates()
                .doesNotContainAnyElementsOf(Arrays.stream(more).boxed().toList());
        for (int port : ports) {
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertThat(socket.getLocalPort()).isEqualTo(port);
            }
        }
    }

    @Test
    void a_start_that_lost_its_port_is_tried_again() throws Exception {
        AtomicInteger attempts = new AtomicInteger();

        String started = FreePorts.retryOnClash("server", () -> {
            if (attempts.incrementAndGet() < FreePorts.ATTEMPTS) {
                throw new PortInUseException("Address already in use");
            }
            return "started";
        });

        assertThat(started).isEqualTo("started");
        assertThat(attempts).hasValue(FreePorts.ATTEMPTS);
    }

    @Test
    void a_start_gives_up_after_losing_its_ports_three_times() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> FreePorts.retryOnClash("server", () -> {
            attempts.incrementAndGet();
            throw new PortInUseException("Address already in use");
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("3 times");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void other_failures_are_not_retried() {
        AtomicInteger attempts = new AtomicInteger();

        assertThatThrownBy(() -> FreePorts.retryOnClash("server", () -> {
            attempts.incrementAndGet();
            throw new IllegalStateException("bad configuration");
        })).hasMessage("bad configuration");
        assertThat(attempts).hasValue(1);
    }
}
