package com.groupbuy.command;

import com.groupbuy.infra.Infrastructure;
import com.groupbuy.infra.Infrastructures;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;

import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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

    /** A token signed with the test secret as any issuer could sign it, also for users the dev tokens refuse. */
    public static String signedToken(String subject, String role) {
        NimbusJwtEncoder encoder = NimbusJwtEncoder.withSecretKey(
                new SecretKeySpec(JWT_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256")).build();
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer("groupbuy").audience(List.of("groupbuy")).subject(subject).issuedAt(now)
                .expiresAt(now.plus(Duration.ofHours(1))).claim("roles", List.of(role)).build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();
    }
}
