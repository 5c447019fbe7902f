package com.groupbuy.platform.observability;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With an OTLP endpoint set (the chart's {@code config.tracing.otlpEndpoint}), the spans of a request that came
 * with a sampled {@code traceparent} reach it over OTLP/HTTP: the receiver here is a plain HTTP server that keeps
 * what the real exporter posts, and finds the caller's trace id in it (protobuf carries the id's 16 bytes as they are).
 */
@SpringBootTest(classes = TracedApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"groupbuy.security.jwt.secret=a-tracing-test-secret-that-is-long-enough",
                "management.opentelemetry.tracing.export.schedule-delay=100ms"})
class TracesGoToTheOtlpEndpointTest {

    private static final List<byte[]> RECEIVED = new CopyOnWriteArrayList<>();
    private static final HttpServer RECEIVER = otlpReceiver();

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @DynamicPropertySource
    static void otlpEndpoint(DynamicPropertyRegistry properties) {
        properties.add("management.opentelemetry.tracing.export.otlp.endpoint",
                () -> "http://127.0.0.1:" + RECEIVER.getAddress().getPort() + "/v1/traces");
    }

    @AfterAll
    static void stopReceiver() {
        RECEIVER.stop(0);
    }

    @Test
    void the_span_of_a_request_reaches_the_collector_in_the_callers_trace() throws Exception {
        byte[] traceId = new byte[16];
        new SecureRandom().nextBytes(traceId);
        String hex = HexFormat.of().formatHex(traceId);

        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/api/v1/whoami"))
                    .header("traceparent", "00-" + hex + "-00f067aa0ba902b7-01").build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(answer.statusCode()).as("no token").isEqualTo(401);
        }

        assertThat(context.getBeansOfType(SpanExporter.class)).isNotEmpty();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (RECEIVED.stream().noneMatch(body -> contains(body, traceId)) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(RECEIVED).as("OTLP requests received").anyMatch(body -> contains(body, traceId));
    }

    private static HttpServer otlpReceiver() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/v1/traces", exchange -> {
                RECEIVED.add(exchange.getRequestBody().readAllBytes());
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean contains(byte[] body, byte[] part) {
        for (int i = 0; i + part.length <= body.length; i++) {
            if (Arrays.equals(body, i, i + part.length, part, 0, part.length)) {
                return true;
            }
        }
        return false;
    }
}
