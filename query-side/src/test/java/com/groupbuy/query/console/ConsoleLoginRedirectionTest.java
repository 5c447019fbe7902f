package com.groupbuy.query.console;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** The provider must send the browser back under /console/, where the sign-in's session cookie goes. */
class ConsoleLoginRedirectionTest {

    @Test
    void a_redirect_uri_under_the_console_is_accepted() {
        assertThatCode(() -> ConsoleLoginConfiguration.requireRedirectionUnderTheConsole(
                aRegistration("{baseUrl}/console/login/oauth2/code/{registrationId}"))).doesNotThrowAnyException();
    }

    @Test
    void spring_boots_default_redirect_uri_is_refused_with_the_property_to_set() {
        assertThatIllegalStateException().isThrownBy(() -> ConsoleLoginConfiguration.requireRedirectionUnderTheConsole(
                        aRegistration("{baseUrl}/login/oauth2/code/{registrationId}")))
                .withMessageContaining("spring.security.oauth2.client.registration.groupbuy.redirect-uri="
                        + "{baseUrl}/console/login/oauth2/code/{registrationId}");
    }

    private static ClientRegistration aRegistration(String redirectUri) {
        return ClientRegistration.withRegistrationId("groupbuy")
                .clientId("groupbuy-console")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(redirectUri)
                .authorizationUri("https://idp.example.com/authorize")
                .tokenUri("https://idp.example.com/token")
                .build();
    }
}
