package com.groupbuy.identityprovider;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.servlet.context.AnnotationConfigServletWebServerApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import java.time.Duration;
import java.util.List;

/**
 * A real OpenID provider in the test's JVM: Spring Security's authorization server on a free port of 127.0.0.1,
 * with the console as a confidential client and one user, {@value #USER}, an analyst. Its JWT access tokens carry
 * what the processes check (docs/console.md): the user in {@code sub}, a top-level {@code roles} claim and
 * {@code aud} {@value #AUDIENCE}. The bare server, its security chain and these beans; no auto-configuration, so
 * nothing of the query side's classpath starts with it. Outside {@code com.groupbuy.query}, where the query side's
 * component scan would find its configuration.
 */
public final class TestIdentityProvider implements AutoCloseable {

    public static final String CLIENT_ID = "groupbuy-console";
    public static final String CLIENT_SECRET = "console-secret";
    public static final String USER = "ana";
    public static final String PASSWORD = "ana-password";
    public static final String AUDIENCE = "groupbuy";
    /**
     * Shorter than the minute before its expiry in which Spring Security's client refreshes an access token: the
     * query side refreshes it whenever the page asks for it.
     */
    public static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofSeconds(30);

    private final AnnotationConfigServletWebServerApplicationContext context;

    private TestIdentityProvider(AnnotationConfigServletWebServerApplicationContext context) {
        this.context = context;
    }

    public static TestIdentityProvider start() {
        return new TestIdentityProvider(new AnnotationConfigServletWebServerApplicationContext(Provider.class));
    }

    /** The issuer, as the provider names itself in its tokens and discovery document. */
    public String issuer() {
        return "http://127.0.0.1:" + context.getWebServer().getPort();
    }

    public String jwkSetUri() {
        return issuer() + "/oauth2/jwks";
    }

    @Override
    public void close() {
        context.close();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableWebSecurity
    static class Provider {

        /**
         * Every answer comes from the security filters; Tomcat passes a request through them only to a servlet. The
         * session cookie has a name of its own: a browser keeps cookies by host, not port, and the query side is on
         * 127.0.0.1 too.
         */
        @Bean
        TomcatServletWebServerFactory webServer() {
            TomcatServletWebServerFactory server = new TomcatServletWebServerFactory(0);
            server.setRegisterDefaultServlet(true);
            server.getSettings().getSession().getCookie().setName("PROVIDER_SESSION");
            return server;
        }

        @Bean
        SecurityFilterChain provider(HttpSecurity http) throws Exception {
            return http
                    .oauth2AuthorizationServer(server -> server.oidc(Customizer.withDefaults()))
                    .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .formLogin(Customizer.withDefaults())
                    .build();
        }

        /** Loopback redirect URIs match on any port (OAuth 2.1), so the query side's random port needs no update. */
        @Bean
        RegisteredClientRepository clients() {
            return new InMemoryRegisteredClientRepository(RegisteredClient.withId("console")
                    .clientId(CLIENT_ID)
                    .clientSecret("{noop}" + CLIENT_SECRET)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                    .redirectUri("http://127.0.0.1/console/login/oauth2/code/groupbuy")
                    .scope(OidcScopes.OPENID)
                    .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).build())
                    .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(ACCESS_TOKEN_LIFETIME).build())
                    .build());
        }

        @Bean
        UserDetailsService users() {
            return new InMemoryUserDetailsManager(User.withUsername(USER).password("{noop}" + PASSWORD)
                    .authorities("analyst").build());
        }

        /**
         * Access tokens for groupbuy: its audience, and the user's own authorities as the {@code roles} claim (not
         * the sign-in's, which also name how the user authenticated).
         */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> groupbuyClaims() {
            return context -> {
                if (OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
                    context.getClaims()
                            .audience(List.of(AUDIENCE))
                            .claim("roles", ((UserDetails) context.getPrincipal().getPrincipal()).getAuthorities()
                                    .stream().map(GrantedAuthority::getAuthority).toList());
                }
            };
        }

        @Bean
        JWKSource<SecurityContext> keys() throws Exception {
            RSAKey key = new RSAKeyGenerator(2048).keyID("test-provider").generate();
            return new ImmutableJWKSet<>(new JWKSet(key));
        }

        /** For the provider's own user-info endpoint, which the OIDC configuration serves. */
        @Bean
        JwtDecoder jwtDecoder(JWKSource<SecurityContext> keys) {
            return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
        }

        @Bean
        AuthorizationServerSettings settings() {
            return AuthorizationServerSettings.builder().build();
        }
    }
}
