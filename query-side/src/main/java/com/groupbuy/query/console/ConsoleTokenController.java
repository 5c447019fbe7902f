package com.groupbuy.query.console;

import com.groupbuy.contract.ErrorCode;
import com.groupbuy.platform.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.security.oauth2.client.autoconfigure.ConditionalOnOAuth2ClientRegistrationProperties;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.security.Principal;
import java.time.Instant;

/**
 * {@code GET /console/token}: the access token of the user signed in with the identity provider in this browser
 * session, for the page to send as bearer; 401 when nobody is signed in or the provider no longer honours the
 * sign-in. Exists only with {@link ConsoleLoginConfiguration}.
 */
@RestController
@ConditionalOnOAuth2ClientRegistrationProperties
class ConsoleTokenController {

    static final String PATH = "/console/token";

    record ConsoleToken(String token, Instant expiresAt) {
    }

    private final OAuth2AuthorizedClientManager clients;

    ConsoleTokenController(OAuth2AuthorizedClientManager clients) {
        this.clients = clients;
    }

    @GetMapping(PATH)
    ConsoleToken token(Principal principal, HttpServletRequest request, HttpServletResponse response) {
        if (!(principal instanceof OAuth2AuthenticationToken login)) {
            throw notSignedIn();
        }
        OAuth2AuthorizedClient client;
        try {
            client = clients.authorize(OAuth2AuthorizeRequest
                    .withClientRegistrationId(login.getAuthorizedClientRegistrationId())
                    .principal(login)
                    .attribute(HttpServletRequest.class.getName(), request)
                    .attribute(HttpServletResponse.class.getName(), response)
                    .build());
        } catch (OAuth2AuthorizationException e) {
            throw notSignedIn();
        }
        if (client == null) {
            throw notSignedIn();
        }
        OAuth2AccessToken token = client.getAccessToken();
        return new ConsoleToken(token.getTokenValue(), token.getExpiresAt());
    }

    private static ApiException notSignedIn() {
        return new ApiException(HttpStatus.UNAUTHORIZED, ErrorCode.UNAUTHORIZED,
                "Not signed in with the identity provider in this session");
    }
}
