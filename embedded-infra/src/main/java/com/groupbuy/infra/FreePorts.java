package com.groupbuy.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ports the kernel reports free on the loopback address. Another process may take one before our server binds it,
 * so starts go through {@link #retryOnClash}.
 */
final class FreePorts {

    static final int ATTEMPTS = 3;

    private static final Logger log = LoggerFactory.getLogger(FreePorts.class);
    private static final Set<Integer> handedOut = new HashSet<>();

    private FreePorts() {
    }

    static synchronized int[] take(int count) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] ports = new int[count];
            for (int i = 0; i < count; ) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                held.add(socket);
                if (handedOut.add(socket.getLocalPort())) {
                    ports[i++] = socket.getLocalPort();
                }
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on the loopback address", e);
        } finally {
            held.forEach(FreePorts::closeQuietly);
        }
    }

    static int take() {
        return take(1)[0];
    }

    interface Attempt<T> {
        T run() throws Exception;
    }

    static <T> T retryOnClash(String server, Attempt<T> attempt) throws Exception {
        for (int tried = 1; ; tried++) {
            try {
                return attempt.run();
            } catch (PortInUseException clash) {
                if (tried == ATTEMPTS) {
                    throw new IllegalStateException(server + " found its ports taken " + ATTEMPTS + " times", clash);
                }
                log.warn("{} lost a port to another process, trying other ports: {}", server, clash.getMessage());
            }
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // the port is released either way
        }
    }
}
