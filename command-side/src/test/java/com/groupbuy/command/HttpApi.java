package com.groupbuy.command;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The command api over real HTTP, as a storefront calls it, with dev tokens minted per user and kept. */
public final class HttpApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final int port;

    public HttpApi(int port) {
        this.port = port;
    }

    /** An answer: its status and its JSON body (a JSON null when there is none). */
    public record Answer(int status, JsonNode body) {

        public String code() {
            return body.path("code").asString();
        }

        public String field(String name) {
            return body.get(name).asString();
        }
    }

    /** A token for {@code userId} holding {@code role}, from the local run's dev token endpoint. */
    public String token(String userId, String role) throws Exception {
        String known = tokens.get(userId + "/" + role);
        if (known != null) {
            return known;
        }
        String token = post("/api/v1/dev/tokens", null,
                "{\"userId\":\"" + userId + "\",\"roles\":[\"" + role + "\"]}").field("token");
        tokens.put(userId + "/" + role, token);
        return token;
    }

    public Answer post(String path, String token, String body) throws Exception {
        return post(path, token, body, null);
    }

    /** A POST with an Idempotency-Key, as a storefront sends it when it may have to send the request again. */
    public Answer post(String path, String token, String body, String idempotencyKey) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode json = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        return new Answer(response.statusCode(), json);
    }
}
