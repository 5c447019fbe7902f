package com.groupbuy.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * How bearer tokens are checked. With {@code jwkSetUri} set, tokens signed by an identity provider are accepted;
 * otherwise tokens must carry an HS256 signature made with {@code secret} (the local run, and the dev tokens).
 * Either way a token must name {@code issuer} and {@code audience} and carry an expiry.
 */
@ConfigurationProperties("groupbuy.security.jwt")
public record JwtSettings(String secret, String jwkSetUri, String issuer, String audience,
                          Duration devTokenLifetime) {

    public JwtSettings {
        if (issuer == null || issuer.isBlank()) {
            issuer = "groupbuy";
        }
        if (audience == null || audience.isBlank()) {
            audience = "groupbuy";
        }
        if (devTokenLifetime == null) {
            devTokenLifetime = Duration.ofHours(12);
        }
    }

    /** Settings for HS256 tokens signed with {@code secret}, everything else at its default. */
    public static JwtSettings withSecret(String secret) {
        return new JwtSettings(secret, null, null, null, null);
    }

    boolean usesIdentityProvider() {
        return jwkSetUri != null && !jwkSetUri.isBlank();
    }
}
