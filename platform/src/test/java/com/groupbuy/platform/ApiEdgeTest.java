package com.groupbuy.platform;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP edge every process shares, over real HTTP: tokens, roles, and errors as problem+json. */
@SpringBootTest(classes = EdgeTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "groupbuy.security.jwt.secret=" + ApiEdgeTest.SECRET)
@ActiveProfiles("local")
class ApiEdgeTest {

    static final String SECRET = "an-edge-test-secret-that-is-long-enough";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    record Answer(int status, String contentType, JsonNode body) {
    }

    @Test
    void a_dev_token_identifies_its_user_by_the_subject() throws Exception {
        Answer answer = get("/api/v1/whoami", token("u42", "customer"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().get("userId").asString()).isEqualTo("u42");
    }

    @Test
    void no_token_is_401_problem_json() throws Exception {
        assertProblem(get("/api/v1/whoami", null), 401, "UNAUTHORIZED");
    }

    @Test
    void a_token_signed_with_another_key_is_401() throws Exception {
        String forged = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1MSIsInJvbGVzIjpbImFkbWluIl0sImlzcyI6Imdyb3VwYnV5In0."
                + "c2lnbmF0dXJlLW1hZGUtd2l0aC1hbm90aGVyLWtleQ";
        assertProblem(get("/api/v1/whoami", forged), 401, "UNAUTHORIZED");
    }

    @Test
    void the_wrong_role_is_403_problem_json() throws Exception {
        Answer answer = post("/api/v1/admin-only", token("u1", "customer"), "{\"sku\":\"A\",\"quantity\":1}");

        assertProblem(answer, 403, "FORBIDDEN");
    }

    @Test
    void the_right_role_passes() throws Exception {
        Answer answer = post("/api/v1/admin-only", token("boss", "admin"), "{\"sku\":\"A\",\"quantity\":1}");

        assertThat(answer.status()).isEqualTo(200);
    }

    @Test
    void invalid_fields_are_400_validation_failed_with_the_fields_named() throws Exception {
        Answer answer = post("/api/v1/admin-only", token("boss", "admin"), "{\"sku\":\"\",\"quantity\":0}");

        assertProblem(answer, 400, "VALIDATION_FAILED");
        assertThat(answer.body().get("errors").findValuesAsString("field")).contains("sku", "quantity");
    }

    @Test
    void a_fraction_where_a_whole_number_is_expected_is_400_validation_failed_with_the_field_named() throws Exception {
        Answer answer = post("/api/v1/admin-only", token("boss", "admin"), "{\"sku\":\"A\",\"quantity\":1.5}");

        assertProblem(answer, 400, "VALIDATION_FAILED");
        assertThat(answer.body().get("errors").findValuesAsString("field")).containsExactly("quantity");
    }

    @Test
    void a_token_whose_subject_is_longer_than_64_characters_is_401() throws Exception {
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer("groupbuy").subject("u".repeat(65))
                .expiresAt(Instant.now().plusSeconds(60)).claim("roles", List.of("customer")).build();
        String token = NimbusJwtEncoder.withSecretKey(new SecretKeySpec(
                        SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256")).build()
                .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();

        assertProblem(get("/api/v1/whoami", token), 401, "UNAUTHORIZED");
    }

    @Test
    void malformed_json_is_400_malformed_request() throws Exception {
        assertProblem(post("/api/v1/admin-only", token("boss", "admin"), "{\"sku\":"), 400, "MALFORMED_REQUEST");
    }

    @Test
    void a_body_over_64_kib_is_413() throws Exception {
        String body = "{\"sku\":\"" + "x".repeat(66_000) + "\",\"quantity\":1}";

        assertProblem(post("/api/v1/admin-only", token("boss", "admin"), body), 413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void an_unknown_path_is_404_problem_json() throws Exception {
        assertProblem(get("/api/v1/nothing-here", token("u1", "customer")), 404, "NOT_FOUND");
    }

    private String token(String userId, String role) throws Exception {
        Answer answer = post("/api/v1/dev/tokens", null,
                "{\"userId\":\"" + userId + "\",\"roles\":[\"" + role + "\"]}");
        assertThat(answer.status()).isEqualTo(200);
        return answer.body().get("token").asString();
    }

    private Answer get(String path, String token) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET(), token);
    }

    private Answer post(String path, String token, String body) throws Exception {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), token);
    }

    private Answer send(HttpRequest.Builder request, String token) throws Exception {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), body);
    }

    private static void assertProblem(Answer answer, int status, String code) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("code").asString()).isEqualTo(code);
        assertThat(answer.body().get("status").asInt()).isEqualTo(status);
        assertThat(answer.body().get("type").asString()).startsWith("https://");
        assertThat(answer.body().get("title").asString()).isNotBlank();
    }
}
