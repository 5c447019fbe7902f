package com.groupbuy.query.console;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.stream.StreamSupport;

/**
 * {@code GET /console/settings.json}, without a token: where the operator endpoints are, whether this process
 * mints dev tokens (profile {@code local}), so the sign-in offers one-click demo roles only where they work, and
 * with which identity providers a user can sign in ({@code signIn}: empty unless a client registration is
 * configured, see {@link ConsoleLoginConfiguration}).
 */
@RestController
class ConsoleSettingsController {

    record Settings(String operatorUrl, boolean devTokens, List<SignIn> signIn) {
    }

    /** A "Sign in with {@code name}" button, which sends the browser to {@code url}. */
    record SignIn(String name, String url) {
    }

    private final Settings settings;

    ConsoleSettingsController(ConsoleSettings console, Environment environment,
                              ObjectProvider<InMemoryClientRegistrationRepository> registrations) {
        this.settings = new Settings(console.operatorUrl(), environment.acceptsProfiles(Profiles.of("local")),
                registrations.stream().flatMap(repository -> StreamSupport.stream(repository.spliterator(), false))
                        .filter(registration -> AuthorizationGrantType.AUTHORIZATION_CODE.equals(
                                registration.getAuthorizationGrantType()))
                        .map(ConsoleSettingsController::signIn)
                        .toList());
    }

    @GetMapping("/console/settings.json")
    Settings settings() {
        return settings;
    }

    private static SignIn signIn(ClientRegistration registration) {
        return new SignIn(registration.getClientName(),
                ConsoleLoginConfiguration.AUTHORIZATION + "/" + registration.getRegistrationId());
    }
}
