package com.groupbuy.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How bearer tokens are checked. With {@code jwkSetUri} set, tokens signed by an identity provider are accepted;
 * otherwise tokens must carry an HS256 signature made with {@code secret} (the local run, and the dev tokens).
 */
@ConfigurationProperties("groupbuy.security.jwt")
public record JwtSettings(String secret, String jwkSetUri, String issuer, Duration devTokenLifetime) {

    public JwtSettings {
        if (issuer == null || issuer.isBlank()) {
            issuer = "groupbuy";
        }
        if (devTokenLifetime == null) {
            devTokenLifetime = Duration.ofHours(12);
        }
    }

    boolean usesIdentityProvider() {
        return jwkSetUri != null && !jwkSetUri.isBlank();
    }
}
