package com.groupbuy.platform.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachingJwtDecoderTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private final List<String> verified = new ArrayList<>();
    private Instant clockReads = NOW;

    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return clockReads;
        }
    };

    /** Verifies tokens named "good-…" (valid for ten minutes from NOW) and refuses every other. */
    private final JwtDecoder verifier = token -> {
        verified.add(token);
        if (!token.startsWith("good-")) {
            throw new BadJwtException("bad signature");
        }
        return Jwt.withTokenValue(token).header("alg", "HS256").subject("u1").issuedAt(NOW)
                .expiresAt(NOW.plus(Duration.ofMinutes(10))).build();
    };

    private final CachingJwtDecoder decoder = new CachingJwtDecoder(verifier, clock, Duration.ofMinutes(1), 100);

    @Test
    void a_token_verified_once_is_not_verified_again_while_remembered() {
        Jwt first = decoder.decode("good-1");
        Jwt second = decoder.decode("good-1");

        assertThat(second).isSameAs(first);
        assertThat(verified).containsExactly("good-1");
    }

    @Test
    void a_token_that_failed_verification_is_never_remembered() {
        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> decoder.decode("forged")).isInstanceOf(BadJwtException.class);

        assertThat(verified).containsExactly("forged", "forged");
    }

    @Test
    void a_remembered_token_past_its_expiry_and_the_allowed_skew_is_refused() {
        decoder.decode("good-1");
        clockReads = NOW.plus(Duration.ofMinutes(10)).plusSeconds(59);
        assertThat(decoder.decode("good-1").getSubject()).isEqualTo("u1");

        clockReads = NOW.plus(Duration.ofMinutes(11));

        assertThatThrownBy(() -> decoder.decode("good-1")).isInstanceOf(JwtValidationException.class);
    }
}
