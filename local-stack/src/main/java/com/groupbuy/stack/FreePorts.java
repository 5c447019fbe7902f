package com.groupbuy.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free ports for the stack's processes, chosen below the kernel's ephemeral range. A process is told its port
 * well before it binds it (the others start first, for a minute or so), and a port from the ephemeral range can be
 * taken meanwhile by any outgoing connection of the machine (every Kafka, JDBC and Redis client here opens them):
 * that happened to the api balancer's port in CI. Ports below the range are only ever taken by a listener, and the
 * check below skips those already bound.
 */
final class FreePorts {

    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    /** Where to look when the kernel does not say its range: Linux's default range starts at 32768. */
    private static final int DEFAULT_EPHEMERAL_START = 32_768;
    private static final int LOWEST = 10_000;
    private static final int ATTEMPTS = 1_000;
    private static final Set<Integer> handedOut = new HashSet<>();

    private FreePorts() {
    }

    static synchronized int next() {
        int below = ephemeralStart();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, below);
            if (!handedOut.contains(port) && bindable(port)) {
                handedOut.add(port);
                return port;
            }
        }
        throw new IllegalStateException("no free port between " + LOWEST + " and " + below);
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    /** Read line by line: a file of /proc reports size 0, and {@code Files.readString} then reads one byte. */
    private static int ephemeralStart() {
        try {
            int start = Integer.parseInt(Files.readAllLines(EPHEMERAL_RANGE).getFirst().trim().split("\\s+")[0]);
            return start > LOWEST + 1_000 ? start : DEFAULT_EPHEMERAL_START;
        } catch (IOException | RuntimeException unknown) {
            return DEFAULT_EPHEMERAL_START;
        }
    }
}
