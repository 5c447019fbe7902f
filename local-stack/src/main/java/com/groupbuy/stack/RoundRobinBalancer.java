package com.groupbuy.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The api endpoint when several api processes run: one loopback port that hands each new connection to the next
 * backend in turn, as a Kubernetes Service spreads connections over pods. A backend that refuses the connection is
 * passed over for that connection. Bytes are copied both ways on virtual threads and never parsed, so requests on
 * one kept-alive connection all reach the same backend.
 */
public final class RoundRobinBalancer implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MILLIS = 2_000;

    private final ServerSocket listener;
    private final List<InetSocketAddress> backends;
    private final AtomicInteger turn = new AtomicInteger();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    private RoundRobinBalancer(ServerSocket listener, List<InetSocketAddress> backends) {
        this.listener = listener;
        this.backends = backends;
    }

    /** Listens on {@code port} of the loopback interface (0 for any free port) and forwards to {@code backends}. */
    public static RoundRobinBalancer start(int port, List<InetSocketAddress> backends) throws IOException {
        if (backends.isEmpty()) {
            throw new IllegalArgumentException("a balancer needs at least one backend");
        }
        ServerSocket listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
        RoundRobinBalancer balancer = new RoundRobinBalancer(listener, List.copyOf(backends));
        Thread.ofVirtual().name("balancer-" + balancer.port()).start(balancer::acceptConnections);
        return balancer;
    }

    /** Backends on the loopback interface, by port. */
    public static RoundRobinBalancer start(int port, int... backendPorts) throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        return start(port, Arrays.stream(backendPorts)
                .mapToObj(backend -> new InetSocketAddress(loopback, backend)).toList());
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Stops accepting and cuts every connection through the balancer; the backends are not touched. */
    @Override
    public void close() {
        closeQuietly(listener);
        open.forEach(RoundRobinBalancer::closeQuietly);
    }

    private void acceptConnections() {
        while (true) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException closed) {
                return;
            }
            open.add(client);
            Thread.ofVirtual().start(() -> forward(client));
        }
    }

    private void forward(Socket client) {
        Socket backend = connectToNextBackend();
        if (backend != null) {
            open.add(backend);
            Thread upstream = Thread.ofVirtual().start(() -> copy(client, backend));
            copy(backend, client);
            try {
                upstream.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            closeQuietly(backend);
            open.remove(backend);
        }
        closeQuietly(client);
        open.remove(client);
    }

    /** Each attempt takes the next turn, so a refusing backend does not send its share to one neighbour. */
    private Socket connectToNextBackend() {
        for (int attempt = 0; attempt < backends.size(); attempt++) {
            InetSocketAddress target = backends.get(Math.floorMod(turn.getAndIncrement(), backends.size()));
            Socket backend = new Socket();
            try {
                backend.connect(target, CONNECT_TIMEOUT_MILLIS);
                return backend;
            } catch (IOException refused) {
                closeQuietly(backend);
            }
        }
        return null;
    }

    /** Until one side ends its output; that end is passed on, and a failure ends the whole connection. */
    private static void copy(Socket from, Socket to) {
        try {
            to.setTcpNoDelay(true); // small requests and answers go out at once, as without the balancer
            from.getInputStream().transferTo(to.getOutputStream());
            to.shutdownOutput();
        } catch (IOException e) {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // already closed or gone
        }
    }
}
