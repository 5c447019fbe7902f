package com.groupbuy.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.core.OAuth2Error;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Remembers tokens it has verified, for a short while: a storefront sends the same bearer token with every request,
 * and parsing and verifying it again each time was a tenth of the api's CPU in a flash-sale burst. The key is the
 * whole token, signature included, so only a token that verified once is ever answered from memory; a remembered
 * token past its expiry is refused as the decoder would refuse it (with the same clock skew).
 */
final class CachingJwtDecoder implements JwtDecoder {

    /** The skew Spring Security's timestamp validator allows by default. */
    private static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

    private final JwtDecoder decoder;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    CachingJwtDecoder(JwtDecoder decoder, Clock clock, Duration remember, long maximumTokens) {
        this.decoder = decoder;
        this.clock = clock;
        this.verified = Caffeine.newBuilder().expireAfterWrite(remember).maximumSize(maximumTokens).build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt = verified.get(token, decoder::decode);
        Instant expiresAt = jwt.getExpiresAt();
        if (expiresAt != null && !clock.instant().minus(CLOCK_SKEW).isBefore(expiresAt)) {
            verified.invalidate(token);
            throw new JwtValidationException("Jwt expired at " + expiresAt,
                    List.of(new OAuth2Error("invalid_token", "Jwt expired at " + expiresAt, null)));
        }
        return jwt;
    }
}
