package com.groupbuy.platform.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.context.annotation.Profile;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** Mints tokens for any user and roles. Exists only in the embedded local run (profile {@code local}). */
@RestController
@Profile("local")
class DevTokenController {

    private final JwtSettings settings;
    private final NimbusJwtEncoder encoder;

    DevTokenController(JwtSettings settings) {
        this.settings = settings;
        this.encoder = NimbusJwtEncoder.withSecretKey(HmacKeys.of(settings.secret())).build();
    }

    record TokenRequest(@NotBlank @Size(max = CurrentUser.MAX_USER_ID_LENGTH) String userId,
                        @NotEmpty List<@Pattern(regexp = "customer|analyst|admin") String> roles) {
    }

    record TokenResponse(String token) {
    }

    @PostMapping("/api/v1/dev/tokens")
    TokenResponse issue(@Valid @RequestBody TokenRequest request) {
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(settings.issuer())
                .subject(request.userId())
                .issuedAt(now)
                .expiresAt(now.plus(settings.devTokenLifetime()))
                .claim(RolesClaimConverter.ROLES_CLAIM, request.roles())
                .build();
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
        return new TokenResponse(encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue());
    }
}
