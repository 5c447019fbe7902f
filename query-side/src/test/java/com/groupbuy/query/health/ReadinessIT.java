package com.groupbuy.query.health;

import com.groupbuy.infra.Infrastructure;
import com.groupbuy.infra.Infrastructures;
import com.groupbuy.infra.TcpProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query side's probes with real PostgreSQL and Redis, Redis reached through a proxy that the test cuts:
 * readiness follows Redis, liveness does not.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "groupbuy.security.jwt.secret=a-query-side-test-secret-that-is-long-enough",
        "groupbuy.health.redis.timeout=500ms"})
@DirtiesContext
class ReadinessIT {

    private static final Infrastructure INFRA = Infrastructures.shared();
    private static final TcpProxy REDIS = TcpProxy.to(INFRA.redisHost(), INFRA.redisPort());
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> INFRA.jdbcUrl("readmodel_query_it"));
        registry.add("spring.datasource.username", INFRA::jdbcUsername);
        registry.add("spring.datasource.password", INFRA::jdbcPassword);
        registry.add("groupbuy.redis.url", () -> "redis://" + INFRA.redisHost() + ":" + REDIS.port());
    }

    @AfterAll
    static void closeProxy() {
        REDIS.close();
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void the_query_side_is_ready_with_postgres_and_redis_and_stops_being_ready_but_stays_alive_without_redis()
            throws Exception {
        HttpResponse<String> ready = get("/actuator/health/readiness");
        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        JsonNode components = JSON.readTree(ready.body()).get("components");
        assertThat(components.get("db").get("status").asString()).isEqualTo("UP");
        assertThat(components.get("redis").get("status").asString()).isEqualTo("UP");
        assertThat(components.has("kafka")).as("the query side does not need Kafka").isFalse();

        REDIS.cut();

        HttpResponse<String> notReady = get("/actuator/health/readiness");
        assertThat(notReady.statusCode()).as(notReady.body()).isEqualTo(503);
        JsonNode after = JSON.readTree(notReady.body()).get("components");
        assertThat(after.get("redis").get("status").asString()).isEqualTo("DOWN");
        assertThat(after.get("db").get("status").asString()).isEqualTo("UP");

        HttpResponse<String> alive = get("/actuator/health/liveness");
        assertThat(alive.statusCode()).as(alive.body()).isEqualTo(200);
        assertThat(JSON.readTree(alive.body()).get("status").asString()).isEqualTo("UP");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
