package com.groupbuy.command;

import com.groupbuy.infra.Infrastructure;
import com.groupbuy.infra.Infrastructures;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a command-side test context at the shared real servers, with an event store database of its own. */
public final class RealServers {

    public static final String JWT_SECRET = "test-secret-test-secret-test-secret-42";

    private RealServers() {
    }

    public static void wire(DynamicPropertyRegistry registry, String eventStoreDatabase) {
        Infrastructure infra = Infrastructures.shared();
        registry.add("spring.datasource.url", () -> infra.jdbcUrl(eventStoreDatabase));
        registry.add("spring.datasource.username", infra::jdbcUsername);
        registry.add("spring.datasource.password", infra::jdbcPassword);
        registry.add("spring.kafka.bootstrap-servers", infra::kafkaBootstrapServers);
        registry.add("groupbuy.redis.url", infra::redisUrl);
        registry.add("groupbuy.security.jwt.secret", () -> JWT_SECRET);
    }
}
