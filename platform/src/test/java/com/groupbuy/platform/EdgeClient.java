package com.groupbuy.platform;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Real HTTP calls to the edge test application at one host and port, and what an error answer must look like. */
final class EdgeClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;

    EdgeClient(String host, int port) {
        this.baseUrl = "http://" + host + ":" + port;
    }

    record Answer(int status, String contentType, JsonNode body) {
    }

    Answer get(String path, String token) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), token, Map.of());
    }

    /** A GET whose answer is not JSON (a Prometheus scrape), as text. */
    String getText(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    Answer post(String path, String token, String body) throws Exception {
        return post(path, token, body, Map.of());
    }

    Answer post(String path, String token, String body, Map<String, String> headers) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), token, headers);
    }

    /** A token from the local run's dev token endpoint, which must issue it. */
    String devToken(String userId, String role) throws Exception {
        Answer answer = post("/api/v1/dev/tokens", null,
                "{\"userId\":\"" + userId + "\",\"roles\":[\"" + role + "\"]}");
        assertThat(answer.status()).isEqualTo(200);
        return answer.body().get("token").asString();
    }

    private Answer send(HttpRequest.Builder request, String token, Map<String, String> headers) throws Exception {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), body);
    }

    static void assertProblem(Answer answer, int status, String code) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("code").asString()).isEqualTo(code);
        assertThat(answer.body().get("status").asInt()).isEqualTo(status);
        assertThat(answer.body().get("type").asString()).startsWith("https://");
        assertThat(answer.body().get("title").asString()).isNotBlank();
    }
}
