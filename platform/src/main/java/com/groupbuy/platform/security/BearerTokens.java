package com.groupbuy.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.util.Optional;

/**
 * The caller of a request, from its bearer token, with the decoder and the roles of the security filter chain: for
 * an endpoint that answers ahead of that chain (the flash-sale crowd's purchases). Anything but a valid token is
 * empty, and such a request goes on to the chain, which answers it as it answers every other.
 */
public final class BearerTokens {

    private static final String BEARER = "Bearer ";

    private final JwtDecoder decoder;
    private final RolesClaimConverter roles = new RolesClaimConverter();

    public BearerTokens(JwtDecoder decoder) {
        this.decoder = decoder;
    }

    public Optional<Authentication> callerOf(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        try {
            return Optional.of(roles.convert(decoder.decode(header.substring(BEARER.length()))));
        } catch (JwtException invalid) {
            return Optional.empty();
        }
    }
}
