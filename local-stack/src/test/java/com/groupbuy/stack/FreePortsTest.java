package com.groupbuy.stack;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class FreePortsTest {

    @Test
    void ports_are_distinct_bindable_and_below_the_range_outgoing_connections_take_theirs_from() throws Exception {
        int ephemeralStart = Integer.parseInt(
                Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).getFirst().trim().split("\\s+")[0]);
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            ports.add(FreePorts.next());
        }

        assertThat(ports).hasSize(50).allMatch(port -> port >= 10_000 && port < ephemeralStart);
        for (int port : ports) {
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            } catch (IOException e) {
                throw new AssertionError("port " + port + " was handed out but cannot be bound", e);
            }
        }
    }

    @Test
    void a_port_some_listener_holds_is_never_handed_out() throws Exception {
        try (ServerSocket held = new ServerSocket()) {
            held.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), FreePorts.next()), 1);
            for (int i = 0; i < 200; i++) {
                assertThat(FreePorts.next()).isNotEqualTo(held.getLocalPort());
            }
        }
    }
}
