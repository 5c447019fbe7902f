package com.groupbuy.platform.security;

import com.groupbuy.platform.web.ProblemWriter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtAudienceValidator;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Every {@code /api/**} call needs a valid bearer JWT; roles are checked per endpoint with
 * {@code @PreAuthorize}. The operator endpoints under {@code /admin/**} (the projections process) need an admin's
 * token. Cross-origin calls are answered only where a process declares a {@code CorsConfigurationSource} (the
 * projections process, for the console's operator view); elsewhere no origin but its own may call. Actuator
 * endpoints stay open for probes and Prometheus (in the chart they listen on a management port of their own that
 * only Prometheus may reach, see its NetworkPolicy). A context without a web server has no edge to guard.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableMethodSecurity
@EnableConfigurationProperties(JwtSettings.class)
public class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, ProblemWriter problems) throws Exception {
        ProblemAuthenticationHandlers handlers = new ProblemAuthenticationHandlers(problems);
        return http
                .csrf(csrf -> csrf.disable())
                .cors(Customizer.withDefaults())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/**", "/error").permitAll()
                        .requestMatchers(DevTokenController.PATH).permitAll()
                        .requestMatchers("/api/**").authenticated()
                        .requestMatchers("/admin/**").hasAuthority(Roles.authorityOf(Roles.ADMIN))
                        .anyRequest().denyAll())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new RolesClaimConverter()))
                        .authenticationEntryPoint(handlers)
                        .accessDeniedHandler(handlers))
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint(handlers)
                        .accessDeniedHandler(handlers))
                .build();
    }

    /**
     * A chain for {@code paths} that hold no data, open without a token (the API description, the console's pages);
     * a caller adds what else those paths need and builds it, ordered before {@link #apiSecurity}.
     */
    public static HttpSecurity openDoors(HttpSecurity http, String... paths) throws Exception {
        return http
                .securityMatcher(paths)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll());
    }

    @Bean
    JwtDecoder jwtDecoder(JwtSettings settings) {
        NimbusJwtDecoder decoder = settings.usesIdentityProvider()
                ? NimbusJwtDecoder.withJwkSetUri(settings.jwkSetUri()).build()
                : NimbusJwtDecoder.withSecretKey(HmacKeys.of(Objects.requireNonNull(settings.secret(),
                                "set groupbuy.security.jwt.secret or groupbuy.security.jwt.jwk-set-uri")))
                        .macAlgorithm(MacAlgorithm.HS256)
                        .build();
        decoder.setJwtValidator(validator(settings));
        return new CachingJwtDecoder(decoder, Clock.systemUTC(), Duration.ofMinutes(1), 100_000);
    }

    @Bean
    BearerTokens bearerTokens(JwtDecoder jwtDecoder) {
        return new BearerTokens(jwtDecoder);
    }

    /**
     * A token must be unexpired and expire at all (a token without {@code exp} would be valid forever), come from
     * the issuer, be meant for us ({@code aud} holds the audience: a token another service accepts is not enough)
     * and name its user.
     */
    private static OAuth2TokenValidator<Jwt> validator(JwtSettings settings) {
        JwtTimestampValidator timestamps = new JwtTimestampValidator();
        timestamps.setAllowEmptyExpiryClaim(false);
        return JwtValidators.createDefaultWithValidators(
                timestamps,
                new JwtIssuerValidator(settings.issuer()),
                new JwtAudienceValidator(settings.audience()),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, sub -> sub != null && !sub.isBlank()
                        && sub.length() <= CurrentUser.MAX_USER_ID_LENGTH));
    }
}
