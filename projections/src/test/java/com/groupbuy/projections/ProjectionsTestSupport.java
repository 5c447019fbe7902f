package com.groupbuy.projections;

import com.groupbuy.contract.RedisKeys;
import com.groupbuy.contract.Topics;
import com.groupbuy.projections.consumer.ProjectionGroups;
import com.groupbuy.events.DomainEvent;
import com.groupbuy.events.EventRecordCodec;
import com.groupbuy.infra.Infrastructure;
import com.groupbuy.infra.Infrastructures;
import com.groupbuy.platform.security.DevTokens;
import com.groupbuy.platform.security.JwtSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.core.ThrowingRunnable;
import org.redisson.api.RType;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redisson.client.protocol.ScoredEntry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The projections application against the real broker, PostgreSQL and Redis, shared by every projection IT so
 * that they run in one Spring context (one set of consumer groups). Tests publish event records as the relay
 * does and read the read models back; ids are unique per test, so tests never see each other's rows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ProjectionsTestSupport {

    protected static final Duration PATIENCE = Duration.ofSeconds(20);
    /** The one origin whose pages (the console's) may call the operator endpoints cross-origin. */
    protected static final String CONSOLE_ORIGIN = "http://console.test:8082";
    private static final String JWT_SECRET = "a-projections-test-secret-that-is-long-enough";
    private static final DevTokens TOKENS = new DevTokens(JwtSettings.withSecret(JWT_SECRET));
    private static final String ADMIN = tokenFor("projections-it-admin", "admin");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Infrastructure infra = Infrastructures.shared();
        registry.add("spring.datasource.url", () -> infra.jdbcUrl("readmodel_projections_it"));
        registry.add("spring.datasource.username", infra::jdbcUsername);
        registry.add("spring.datasource.password", infra::jdbcPassword);
        registry.add("spring.kafka.bootstrap-servers", infra::kafkaBootstrapServers);
        registry.add("groupbuy.redis.url", infra::redisUrl);
        registry.add("groupbuy.security.jwt.secret", () -> JWT_SECRET);
        registry.add("groupbuy.projections.retry-backoff", () -> "50ms");
        registry.add("groupbuy.projections.redis-check-interval", () -> "300ms");
        registry.add("groupbuy.console.origins", () -> CONSOLE_ORIGIN);
    }

    @Autowired
    protected KafkaTemplate<String, byte[]> kafka;
    @Autowired
    private ProjectionGroups groups;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected RedissonClient redis;
    @Autowired
    private KafkaAdmin kafkaAdmin;
    @LocalServerPort
    private int port;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    public record Answer(int status, String contentType, JsonNode body) {
    }

    /** A call to the projections process's own HTTP port (its operator endpoints), as an admin. */
    protected Answer call(String method, String path) throws Exception {
        return call(method, path, ADMIN);
    }

    /** A call with {@code token} as its bearer token, or none when it is null. */
    protected Answer call(String method, String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode body = response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), body);
    }

    /** A browser's CORS preflight from {@code origin} for a GET of {@code path} with a bearer token. */
    protected HttpResponse<String> preflight(String path, String origin) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", origin)
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A token the process accepts, for {@code userId} in {@code role}, as the local run's dev tokens are made. */
    protected static String tokenFor(String userId, String role) {
        return TOKENS.issue(userId, List.of(role));
    }

    /** The offset of the last record this test sent to each partition. */
    private final Map<TopicPartition, Long> published = new HashMap<>();

    protected static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    protected void publish(long sequence, DomainEvent event) {
        publish(sequence, Instant.now(), event);
    }

    protected void publish(long sequence, Instant occurredAt, DomainEvent event) {
        byte[] value = EventRecordCodec.encode(
                EventRecordCodec.toRecord(UUID.randomUUID().toString(), sequence, occurredAt, event));
        sent(kafka.send(Topics.eventsOf(event.aggregateType()), event.aggregateId(), value).join()
                .getRecordMetadata());
    }

    protected void sent(RecordMetadata metadata) {
        published.merge(new TopicPartition(metadata.topic(), metadata.partition()), metadata.offset(), Math::max);
    }

    /**
     * Waits until the named projections have committed past every record this test published: from then on their
     * read models show everything, redeliveries included.
     */
    protected void awaitConsumedBy(String... projections) {
        try (Admin admin = Admin.create(kafkaAdmin.getConfigurationProperties())) {
            for (String projection : projections) {
                String group = groups.live(projection);
                await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
                    Map<TopicPartition, OffsetAndMetadata> committed =
                            admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                    published.forEach((partition, offset) -> {
                        OffsetAndMetadata position = committed.get(partition);
                        assertThat(position).as("%s's position on %s", group, partition).isNotNull();
                        assertThat(position.offset()).as("%s's position on %s", group, partition)
                                .isGreaterThan(offset);
                    });
                });
            }
        }
    }

    protected static void eventually(ThrowingRunnable assertion) {
        await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).untilAsserted(assertion);
    }

    /** The single row the query finds, or an empty map while there is none. */
    protected Map<String, Object> row(String sql, Object... params) {
        List<Map<String, Object>> rows = rows(sql, params);
        assertThat(rows).hasSizeLessThanOrEqualTo(1);
        return rows.isEmpty() ? Map.of() : rows.getFirst();
    }

    protected List<Map<String, Object>> rows(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query().listOfRows();
    }

    /** The generation of a Redis read model that readers use (its pointer's value), or null while there is none. */
    protected Long generationOf(String pointer) {
        String generation = redis.<String>getBucket(pointer, StringCodec.INSTANCE).get();
        return generation == null ? null : Long.parseLong(generation);
    }

    /** The product's hash in the generation of the product cache that readers use (empty while there is none). */
    protected Map<String, String> cachedProduct(String sku) {
        Long generation = generationOf(RedisKeys.productCacheGeneration());
        if (generation == null) {
            return Map.of();
        }
        return redis.<String, String>getMap(RedisKeys.product(generation, sku), StringCodec.INSTANCE).readAllMap();
    }

    /**
     * Every key under {@code prefix} by the part after it, with a hash's fields or a sorted set's members and
     * their scores.
     */
    protected Map<String, Map<String, String>> redisContent(String prefix) {
        Map<String, Map<String, String>> content = new TreeMap<>();
        redis.getKeys().getKeysStreamByPattern(prefix + "*").forEach(key -> content.put(key.substring(prefix.length()),
                redis.getKeys().getType(key) == RType.ZSET
                        ? redis.<String>getScoredSortedSet(key, StringCodec.INSTANCE).entryRange(0, -1).stream()
                                .collect(Collectors.toMap(ScoredEntry::getValue, e -> Double.toString(e.getScore())))
                        : redis.<String, String>getMap(key, StringCodec.INSTANCE).readAllMap()));
        return content;
    }
}
