package com.groupbuy.query.console;

import org.springframework.boot.security.oauth2.client.autoconfigure.ConditionalOnOAuth2ClientRegistrationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * The console's sign-in with an identity provider, only where a client registration is configured
 * ({@code spring.security.oauth2.client.registration.*}): Spring Security's OAuth2 login keeps the user's tokens in a
 * server session, and the page takes the access token from {@link ConsoleTokenController} to call the APIs as
 * bearer, which stay stateless. Every path of the login is under {@code /console/}, the session cookie's path
 * ({@code server.servlet.session.cookie.path}), so a browser never sends the session to an API. CSRF protection is
 * off here: the login's own steps are GETs guarded by OAuth2's {@code state}, the token answer cannot be read
 * cross-origin, and the one POST, sign-out, carries a {@code SameSite=Lax} cookie that no other site's form sends.
 * See docs/console.md.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnOAuth2ClientRegistrationProperties
class ConsoleLoginConfiguration {

    static final String SIGN_OUT = "/console/sign-out";
    /** Where a refused sign-in lands; the page says so. A refused callback makes no session. */
    static final String SIGN_IN_FAILED = "/console/?sign-in-failed";
    /** Where the page sends the browser to sign in with a registration ({@code /{registrationId}} appended). */
    static final String AUTHORIZATION = "/console/oauth2/authorization";
    /** Where the provider sends the browser back: each registration's {@code redirect-uri}. */
    static final String REDIRECTION = "/console/login/oauth2/code/";
    private static final String[] PATHS =
            {ConsoleTokenController.PATH, SIGN_OUT, AUTHORIZATION + "/*", REDIRECTION + "*"};

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain consoleLoginSecurity(HttpSecurity http, InMemoryClientRegistrationRepository registrations,
                                             OAuth2AuthorizedClientRepository clients) throws Exception {
        registrations.forEach(ConsoleLoginConfiguration::requireRedirectionUnderTheConsole);
        SimpleUrlAuthenticationFailureHandler failed = new SimpleUrlAuthenticationFailureHandler(SIGN_IN_FAILED);
        failed.setAllowSessionCreation(false);
        return http
                .securityMatcher(PATHS)
                .csrf(csrf -> csrf.disable())
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .oauth2Login(login -> login
                        .clientRegistrationRepository(registrations)
                        .authorizationEndpoint(endpoint -> endpoint.baseUri(AUTHORIZATION))
                        .redirectionEndpoint(endpoint -> endpoint.baseUri(REDIRECTION + "*"))
                        .authorizedClientRepository(clients)
                        .loginPage("/console/")
                        .defaultSuccessUrl("/console/", true)
                        .failureHandler(failed))
                .logout(logout -> logout
                        .logoutRequestMatcher(PathPatternRequestMatcher.withDefaults()
                                .matcher(HttpMethod.POST, SIGN_OUT))
                        .logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT)))
                .build();
    }

    /** Spring Boot's default redirect URI ({@code {baseUrl}/login/oauth2/code/...}) would not carry the session. */
    static void requireRedirectionUnderTheConsole(ClientRegistration registration) {
        String expected = "{baseUrl}" + REDIRECTION + "{registrationId}";
        if (!registration.getRedirectUri().contains(REDIRECTION)) {
            throw new IllegalStateException("set spring.security.oauth2.client.registration."
                    + registration.getRegistrationId() + ".redirect-uri=" + expected + " (the console's sign-in"
                    + " answers under /console/), and register that address with the identity provider");
        }
    }

    /** The user's tokens live in the session, and go with it. */
    @Bean
    OAuth2AuthorizedClientRepository consoleAuthorizedClients() {
        return new HttpSessionOAuth2AuthorizedClientRepository();
    }

    /** Hands out the session's access token, refreshed with the refresh token where the provider issued one. */
    @Bean
    OAuth2AuthorizedClientManager consoleAuthorizedClientManager(ClientRegistrationRepository registrations,
                                                                 OAuth2AuthorizedClientRepository clients) {
        DefaultOAuth2AuthorizedClientManager manager = new DefaultOAuth2AuthorizedClientManager(registrations, clients);
        manager.setAuthorizedClientProvider(OAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .refreshToken()
                .build());
        return manager;
    }
}
