package com.groupbuy.command;

import com.groupbuy.infra.Infrastructure;
import com.groupbuy.infra.Infrastructures;
import org.springframework.test.context.DynamicPropertyRegistry;

import java.util.Map;

/** Points a command-side test context at the shared real servers, with an event store database of its own. */
public final class RealServers {

    public static final String JWT_SECRET = "test-secret-test-secret-test-secret-42";

    private RealServers() {
    }

    public static void wire(DynamicPropertyRegistry registry, String eventStoreDatabase) {
        properties(eventStoreDatabase).forEach((name, value) -> registry.add(name, () -> value));
    }

    /** The same wiring as Spring properties, for contexts a test starts itself (one per simulated process). */
    public static Map<String, Object> properties(String eventStoreDatabase) {
        Infrastructure infra = Infrastructures.shared();
        return Map.of(
                "spring.datasource.url", infra.jdbcUrl(eventStoreDatabase),
                "spring.datasource.username", infra.jdbcUsername(),
                "spring.datasource.password", infra.jdbcPassword(),
                "spring.kafka.bootstrap-servers", infra.kafkaBootstrapServers(),
                "groupbuy.redis.url", infra.redisUrl(),
                "groupbuy.security.jwt.secret", JWT_SECRET);
    }
}
