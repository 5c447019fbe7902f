package com.groupbuy.projections.health;

import com.groupbuy.infra.Infrastructure;
import com.groupbuy.infra.Infrastructures;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The projections process pointed at a port where no broker listens (real PostgreSQL and Redis): it starts, is
 * alive, and is not ready, because without Kafka it cannot project anything.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.admin.auto-create=false",
        "groupbuy.security.jwt.secret=a-projections-readiness-test-secret-long-enough",
        "groupbuy.health.kafka.timeout=1s",
        "groupbuy.projections.lag-refresh=1h"})
@DirtiesContext
class ReadinessIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) throws IOException {
        Infrastructure infra = Infrastructures.shared();
        registry.add("spring.datasource.url", () -> infra.jdbcUrl("readmodel_projections_readiness_it"));
        registry.add("spring.datasource.username", infra::jdbcUsername);
        registry.add("spring.datasource.password", infra::jdbcPassword);
        registry.add("groupbuy.redis.url", infra::redisUrl);
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + closed);
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void the_projections_are_alive_but_not_ready_while_kafka_is_unreachable() throws Exception {
        HttpResponse<String> readiness = get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).as(readiness.body()).isEqualTo(503);
        JsonNode components = JSON.readTree(readiness.body()).get("components");
        assertThat(components.get("kafka").get("status").asString()).isEqualTo("DOWN");
        assertThat(components.get("db").get("status").asString()).isEqualTo("UP");
        assertThat(components.get("redis").get("status").asString()).isEqualTo("UP");

        HttpResponse<String> liveness = get("/actuator/health/liveness");
        assertThat(liveness.statusCode()).as(liveness.body()).isEqualTo(200);
        assertThat(JSON.readTree(liveness.body()).get("status").asString()).isEqualTo("UP");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
