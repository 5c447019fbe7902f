package com.groupbuy.platform.security;

import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import java.time.Instant;
import java.util.List;

/**
 * Signs the tokens the local run hands out: HS256 with the configured secret, the issuer and audience the
 * processes check, an expiry {@code devTokenLifetime} ahead. Also how tests of a process without a dev token
 * endpoint (the projections) get a token its edge accepts.
 */
public final class DevTokens {

    private final JwtSettings settings;
    private final NimbusJwtEncoder encoder;

    public DevTokens(JwtSettings settings) {
        this.settings = settings;
        this.encoder = NimbusJwtEncoder.withSecretKey(HmacKeys.of(settings.secret())).build();
    }

    public String issue(String userId, List<String> roles) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(settings.issuer())
                .audience(List.of(settings.audience()))
                .subject(userId)
                .issuedAt(now)
                .expiresAt(now.plus(settings.devTokenLifetime()))
                .claim(RolesClaimConverter.ROLES_CLAIM, roles)
                .build();
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
    }
}
