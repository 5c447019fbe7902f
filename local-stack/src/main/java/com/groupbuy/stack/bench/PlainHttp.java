package com.groupbuy.stack.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The benchmarks' load generator: HTTP/1.1 over kept-alive sockets, one request at a time per connection, each
 * connection taken from a pool for one exchange. It exists because the JDK's {@code HttpClient} spent about 0.3 ms
 * of CPU per request in the product-read benchmark, a third of this 2-core machine, which the processes under test
 * then did not have; a plain blocking exchange costs a fraction of that. Enough HTTP for our own servers' answers
 * (a {@code Content-Length} or chunked body), not a general client.
 */
final class PlainHttp implements AutoCloseable {

    /** An answer: status, headers (names in lower case) and body. */
    record Answer(int status, Map<String, String> headers, String body) {
    }

    private final String host;
    private final int port;
    private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();

    PlainHttp(URI server) {
        this.host = server.getHost();
        this.port = server.getPort();
    }

    Answer get(String path, String token) throws IOException {
        return exchange("GET " + path + " HTTP/1.1\r\n" + common(token) + "\r\n", null);
    }

    Answer post(String path, String token, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return exchange("POST " + path + " HTTP/1.1\r\n" + common(token) + "Content-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\n\r\n", body);
    }

    private String common(String token) {
        return "Host: " + host + ":" + port + "\r\n" + (token == null ? "" : "Authorization: Bearer " + token + "\r\n");
    }

    private Answer exchange(String head, byte[] body) throws IOException {
        Connection connection = idle.poll();
        if (connection == null) {
            connection = new Connection(host, port);
        }
        try {
            Answer answer = connection.exchange(head.getBytes(StandardCharsets.US_ASCII), body);
            if ("close".equalsIgnoreCase(answer.headers().get("connection"))) {
                connection.close();
            } else {
                idle.offer(connection);
            }
            return answer;
        } catch (IOException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    @Override
    public void close() {
        for (Connection connection = idle.poll(); connection != null; connection = idle.poll()) {
            connection.close();
        }
    }

    private static final class Connection {

        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;

        Connection(String host, int port) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(30_000);
            socket.connect(new InetSocketAddress(host, port), 10_000);
            out = new BufferedOutputStream(socket.getOutputStream(), 4096);
            in = new BufferedInputStream(socket.getInputStream(), 16_384);
        }

        Answer exchange(byte[] head, byte[] body) throws IOException {
            out.write(head);
            if (body != null) {
                out.write(body);
            }
            out.flush();
            String statusLine = line();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            Map<String, String> headers = new HashMap<>();
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                headers.put(header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        header.substring(colon + 1).trim());
            }
            byte[] content;
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                ByteArrayOutputStream chunks = new ByteArrayOutputStream();
                for (int size = Integer.parseInt(line().split(";")[0].trim(), 16); size > 0;
                     size = Integer.parseInt(line().split(";")[0].trim(), 16)) {
                    chunks.write(in.readNBytes(size));
                    line();
                }
                line();
                content = chunks.toByteArray();
            } else {
                content = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
            }
            return new Answer(status, headers, new String(content, StandardCharsets.UTF_8));
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder(64);
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("the server closed the connection");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        void close() {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
