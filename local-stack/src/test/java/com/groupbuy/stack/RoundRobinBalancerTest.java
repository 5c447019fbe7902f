package com.groupbuy.stack;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** The balancer in front of several api processes, over two real HTTP servers that answer with their name. */
class RoundRobinBalancerTest {

    private final List<AutoCloseable> started = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable closeable : started.reversed()) {
            closeable.close();
        }
    }

    @Test
    void each_new_connection_goes_to_the_next_backend_in_turn() throws Exception {
        RoundRobinBalancer balancer = balancer(server("blue"), server("green"));

        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answers.add(get(balancer.port(), "/"));
        }

        assertThat(answers).containsExactly("blue /", "green /", "blue /", "green /", "blue /", "green /");
    }

    @Test
    void a_backend_that_refuses_the_connection_is_passed_over_and_the_others_keep_their_turns() throws Exception {
        RoundRobinBalancer balancer = balancer(server("blue"), FreePorts.next(), server("green"));

        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(get(balancer.port(), "/"));
        }

        assertThat(answers).containsExactly("blue /", "green /", "blue /", "green /");
    }

    @Test
    void a_backend_that_goes_away_is_skipped_from_then_on() throws Exception {
        HttpServer green = httpServer("green");
        RoundRobinBalancer balancer = balancer(server("blue"), green.getAddress().getPort());
        assertThat(get(balancer.port(), "/")).isEqualTo("blue /");
        assertThat(get(balancer.port(), "/")).isEqualTo("green /");

        green.stop(0);

        assertThat(List.of(get(balancer.port(), "/a"), get(balancer.port(), "/b"), get(balancer.port(), "/c")))
                .containsExactly("blue /a", "blue /b", "blue /c");
    }

    @Test
    void when_every_backend_refuses_the_client_connection_is_closed() throws Exception {
        RoundRobinBalancer balancer = balancer(FreePorts.next(), FreePorts.next());

        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), balancer.port())) {
            socket.setSoTimeout(10_000);
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void a_large_request_and_its_answer_pass_intact_and_a_kept_alive_connection_stays_on_one_backend()
            throws Exception {
        RoundRobinBalancer balancer = balancer(server("blue"), server("green"));
        String path = "/" + "x".repeat(6_000);

        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), balancer.port())) {
            socket.setSoTimeout(10_000);
            for (int i = 0; i < 3; i++) {
                String request = "GET " + path + " HTTP/1.1\r\nHost: balancer\r\n\r\n";
                socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
                assertThat(readKeptAliveAnswer(socket.getInputStream())).isEqualTo("blue " + path);
            }
        }
    }

    private RoundRobinBalancer balancer(int... backendPorts) throws IOException {
        RoundRobinBalancer balancer = RoundRobinBalancer.start(0, backendPorts);
        started.add(balancer);
        return balancer;
    }

    private int server(String name) throws IOException {
        return httpServer(name).getAddress().getPort();
    }

    /** A server that answers every request with its name and the path it was asked for. */
    private HttpServer httpServer(String name) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            byte[] answer = (name + " " + exchange.getRequestURI().getPath()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(answer);
            }
        });
        server.start();
        started.add(() -> server.stop(0));
        return server;
    }

    /** One request on a connection of its own, read to the end: the body of the answer. */
    private static String get(int port, String path) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            String request = "GET " + path + " HTTP/1.1\r\nHost: balancer\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.1 200");
            return response.substring(response.indexOf("\r\n\r\n") + 4);
        }
    }

    /** The body of one answer on a connection that stays open, by its Content-length. */
    private static String readKeptAliveAnswer(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int next = in.read();
            assertThat(next).as("the connection closed in the middle of an answer").isNotNegative();
            head.append((char) next);
        }
        String length = head.toString().lines()
                .filter(line -> line.toLowerCase().startsWith("content-length:"))
                .findFirst().orElseThrow().substring("content-length:".length()).strip();
        return new String(in.readNBytes(Integer.parseInt(length)), StandardCharsets.UTF_8);
    }
}
