package com.groupbuy.platform;

import com.groupbuy.platform.EdgeClient.Answer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import static com.groupbuy.platform.EdgeClient.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** The HTTP edge every process shares, over real HTTP: tokens, roles, and errors as problem+json. */
@SpringBootTest(classes = EdgeTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "groupbuy.security.jwt.secret=" + ApiEdgeTest.SECRET)
@ActiveProfiles("local")
class ApiEdgeTest {

    static final String SECRET = "an-edge-test-secret-that-is-long-enough";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private EdgeClient edge;

    @BeforeEach
    void connect() {
        edge = new EdgeClient("127.0.0.1", port);
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

    @Test
    void the_api_description_is_open_without_a_token_and_names_the_role_each_call_needs() throws Exception {
        Answer description = get("/v3/api-docs", null);

        assertThat(description.status()).isEqualTo(200);
        JsonNode adminOnly = description.body().at("/paths/~1api~1v1~1admin-only/post");
        assertThat(adminOnly.get("x-roles").toString()).isEqualTo("[\"admin\"]");
        assertThat(adminOnly.at("/security/0/bearerJwt").toString()).isEqualTo("[\"admin\"]");
        assertThat(description.body().at("/components/securitySchemes/bearerJwt/scheme").asString())
                .isEqualTo("bearer");
        assertThat(edge.getText("/swagger-ui/index.html")).contains("swagger-ui");
    }

    @Test
    void opening_the_api_description_opens_no_other_door() throws Exception {
        assertProblem(get("/api/v1/whoami", null), 401, "UNAUTHORIZED");
        assertProblem(get("/admin/projections", null), 401, "UNAUTHORIZED");
        assertProblem(get("/admin/projections", token("u1", "customer")), 403, "FORBIDDEN");
    }

    @Test
    void a_dev_token_expires_and_names_the_audience() throws Exception {
        JsonNode claims = claimsOf(token("u7", "customer"));

        assertThat(claims.get("exp").asLong()).isGreaterThan(Instant.now().getEpochSecond());
        assertThat(claims.get("aud").toString()).contains("\"groupbuy\"");
    }

    @Test
    void a_signed_token_that_expires_and_names_the_audience_passes() throws Exception {
        assertThat(get("/api/v1/whoami", signed(wellFormedClaims())).status()).isEqualTo(200);
    }

    @Test
    void a_token_without_an_expiry_is_401() throws Exception {
        String neverExpires = signed(wellFormedClaims().claims(claims -> claims.remove("exp")));

        assertProblem(get("/api/v1/whoami", neverExpires), 401, "UNAUTHORIZED");
    }

    @Test
    void a_token_for_another_audience_is_401() throws Exception {
        String forAnotherService = signed(wellFormedClaims().audience(List.of("another-service")));

        assertProblem(get("/api/v1/whoami", forAnotherService), 401, "UNAUTHORIZED");
    }

    @Test
    void a_token_without_an_audience_is_401() throws Exception {
        String forAnyone = signed(wellFormedClaims().claims(claims -> claims.remove("aud")));

        assertProblem(get("/api/v1/whoami", forAnyone), 401, "UNAUTHORIZED");
    }

    private String token(String userId, String role) throws Exception {
        return edge.devToken(userId, role);
    }

    private Answer get(String path, String token) throws Exception {
        return edge.get(path, token);
    }

    private Answer post(String path, String token, String body) throws Exception {
        return edge.post(path, token, body);
    }

    /** A token signed with the right key, as an identity provider would issue it: customer u1, valid for 10 min. */
    private static JwtClaimsSet.Builder wellFormedClaims() {
        Instant now = Instant.now();
        return JwtClaimsSet.builder().issuer("groupbuy").subject("u1").audience(List.of("groupbuy"))
                .issuedAt(now).expiresAt(now.plus(Duration.ofMinutes(10))).claim("roles", List.of("customer"));
    }

    private static String signed(JwtClaimsSet.Builder claims) {
        NimbusJwtEncoder encoder = NimbusJwtEncoder.withSecretKey(
                new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256")).build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims.build()))
                .getTokenValue();
    }

    private static JsonNode claimsOf(String token) {
        return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }
}
