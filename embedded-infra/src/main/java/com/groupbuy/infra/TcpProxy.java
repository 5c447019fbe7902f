package com.groupbuy.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Forwards a loopback port to a real server until {@link #cut()}, which closes every connection and the port:
 * from then on the server is unreachable for whoever was given {@link #port()}, as if it had gone away, while it
 * keeps serving everyone else; {@link #goDown()} and {@link #comeBack()} make an outage that ends. For tests of what
 * a process does when a server it needs disappears.
 */
public final class TcpProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final String targetHost;
    private final int targetPort;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean down = new AtomicBoolean();

    private TcpProxy(ServerSocket listener, String targetHost, int targetPort) {
        this.listener = listener;
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }

    public static TcpProxy to(String host, int port) {
        try {
            TcpProxy proxy = new TcpProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), host, port);
            Thread.ofVirtual().name("tcp-proxy-" + proxy.port()).start(proxy::accept);
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Closes the port and every connection through it; the target server is not touched. */
    public void cut() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing is all that matters
        }
        sockets.forEach(TcpProxy::closeQuietly);
    }

    /**
     * An outage that ends: every connection through the proxy is closed and new ones are dropped at once, as if the
     * server had stopped, until {@link #comeBack()}.
     */
    public void goDown() {
        down.set(true);
        sockets.forEach(TcpProxy::closeQuietly);
    }

    /** Ends the outage of {@link #goDown()}: new connections reach the server again. */
    public void comeBack() {
        down.set(false);
    }

    @Override
    public void close() {
        cut();
    }

    private void accept() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return; // cut
            }
            if (down.get()) {
                closeQuietly(client);
                continue;
            }
            try {
                Socket server = new Socket(targetHost, targetPort);
                sockets.add(client);
                sockets.add(server);
                if (down.get()) { // went down while this connection was being made
                    closeQuietly(client);
                    closeQuietly(server);
                    continue;
                }
                Thread.ofVirtual().start(() -> pump(client, server));
                Thread.ofVirtual().start(() -> pump(server, client));
            } catch (IOException e) {
                closeQuietly(client); // the target refused: so does the proxy
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int read; (read = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException ignored) {
            // one side went away; the other is closed below
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            sockets.remove(from);
            sockets.remove(to);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
