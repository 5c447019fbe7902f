package com.groupbuy.stack;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A minimal JSON-over-HTTP client for talking to the running stack. */
public final class StackClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** Null when every request opens a connection of its own. */
    private final HttpClient http;

    /** A client that keeps its connections open for the next requests, as browsers and SDKs do. */
    public StackClient() {
        this(true);
    }

    private StackClient(boolean reuseConnections) {
        this.http = reuseConnections ? newHttpClient() : null;
    }

    /**
     * A client that opens a new connection for every request: behind the api balancer, which spreads connections,
     * its requests go to each api process in turn.
     */
    public static StackClient withNewConnectionPerRequest() {
        return new StackClient(false);
    }

    /** An answer; {@code retryAfter} is the Retry-After header, null when there is none. */
    public record Response(int status, String contentType, JsonNode body, String retryAfter) {
    }

    /** A token from the local run's dev token endpoint. */
    public String devToken(String baseUrl, String userId, String... roles) throws IOException, InterruptedException {
        Response response = post(baseUrl + "/api/v1/dev/tokens", null,
                Map.of("userId", userId, "roles", List.of(roles)));
        if (response.status() != 200) {
            throw new IllegalStateException("dev token endpoint answered " + response.status());
        }
        return response.body().get("token").asString();
    }

    public Response post(String url, String token, Object body) throws IOException, InterruptedException {
        return postRaw(url, token, JSON.writeValueAsString(body));
    }

    /** A POST with an Idempotency-Key, so it can safely be sent again. */
    public Response post(String url, String token, String idempotencyKey, Object body)
            throws IOException, InterruptedException {
        return post(url, token, Map.of("Idempotency-Key", idempotencyKey), body);
    }

    /** A POST with more request headers (an Idempotency-Key, a caller's {@code traceparent}). */
    public Response post(String url, String token, Map<String, String> headers, Object body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        headers.forEach(request::header);
        return send(request, token);
    }

    public Response postRaw(String url, String token, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        return send(request, token);
    }

    public Response get(String url, String token) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET(), token);
    }

    /** A plain-text GET, e.g. a Prometheus scrape. */
    public String getText(String url) throws IOException, InterruptedException {
        return exchange(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build())
                .body();
    }

    private Response send(HttpRequest.Builder request, String token) throws IOException, InterruptedException {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = exchange(request.build());
        String body = response.body();
        JsonNode json = body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
        return new Response(response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""), json,
                response.headers().firstValue("Retry-After").orElse(null));
    }

    private HttpResponse<String> exchange(HttpRequest request) throws IOException, InterruptedException {
        if (http != null) {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
        try (HttpClient once = newHttpClient()) {
            return once.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    private static HttpClient newHttpClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }
}
