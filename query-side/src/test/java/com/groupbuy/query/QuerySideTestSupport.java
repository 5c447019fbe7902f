package com.groupbuy.query;

import com.groupbuy.infra.Infrastructure;
import com.groupbuy.infra.Infrastructures;
import org.flywaydb.core.Flyway;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query side over real HTTP against real PostgreSQL and Redis, shared by every query IT (one Spring context).
 * The read-model schema is the one the projections create: their Flyway migrations are run from the projections
 * module's source folder (a path, not a dependency), so a change of the schema that breaks a query fails here.
 * Rows are seeded with SQL as the projections would write them; ids are unique per test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "groupbuy.security.jwt.secret=a-query-side-test-secret-that-is-long-enough")
@ActiveProfiles("local")
public abstract class QuerySideTestSupport {

    private static final Infrastructure INFRA = Infrastructures.shared();
    private static final String READ_MODEL_URL = INFRA.jdbcUrl("readmodel_query_it");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static {
        Path migrations = Path.of(System.getProperty("groupbuy.readmodel.migrations",
                "../projections/src/main/resources/db/migration/readmodel"));
        assertThat(Files.isDirectory(migrations)).as("read-model migrations at %s", migrations).isTrue();
        Flyway.configure()
                .dataSource(READ_MODEL_URL, INFRA.jdbcUsername(), INFRA.jdbcPassword())
                .locations("filesystem:" + migrations.toAbsolutePath())
                .load()
                .migrate();
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> READ_MODEL_URL);
        registry.add("spring.datasource.username", INFRA::jdbcUsername);
        registry.add("spring.datasource.password", INFRA::jdbcPassword);
        registry.add("groupbuy.redis.url", INFRA::redisUrl);
    }

    /** Writes to the read model as the projections do (the application's own connections are read-only). */
    protected final JdbcClient readModel = JdbcClient.create(
            new DriverManagerDataSource(READ_MODEL_URL, INFRA.jdbcUsername(), INFRA.jdbcPassword()));

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    public record Answer(int status, String contentType, JsonNode body) {
    }

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected String token(String userId, String... roles) throws Exception {
        String body = JSON.writeValueAsString(java.util.Map.of("userId", userId, "roles", List.of(roles)));
        Answer answer = send(HttpRequest.newBuilder(uri("/api/v1/dev/tokens"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)), null);
        assertThat(answer.status()).isEqualTo(200);
        return answer.body().get("token").asString();
    }

    protected Answer get(String path, String token) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET(), token);
    }

    /** The raw answer, for headers and bodies that are not JSON; without a token when {@code token} is null. */
    protected HttpResponse<String> getRaw(String path, String token, String accept) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected static void assertProblem(Answer answer, int status, String code) {
        assertThat(answer.status()).as("status of %s", answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("code").asString()).isEqualTo(code);
    }

    /** The text of {@code field} in every element of a JSON array. */
    protected static List<String> texts(JsonNode array, String field) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode value = array.get(i).get(field);
            texts.add(value == null || value.isNull() ? null : value.asString());
        }
        return texts;
    }

    protected URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private Answer send(HttpRequest.Builder request, String token) throws Exception {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), body);
    }
}
