package com.groupbuy.projections.maintenance;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

import java.time.Duration;
import java.util.List;

/**
 * The console's operator view runs in a page of the query side and calls the operator endpoints here, on another
 * origin: the origins listed in {@code groupbuy.console.origins} (e.g. {@code http://localhost:8082}) may call
 * {@code /admin/**} with a bearer token; none may by default. The token still has to be an admin's.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleOriginsConfiguration {

    @Bean
    CorsConfigurationSource corsConfigurationSource(@Value("${groupbuy.console.origins:}") List<String> origins) {
        CorsConfiguration console = new CorsConfiguration();
        console.setAllowedOrigins(origins.stream().filter(origin -> !origin.isBlank()).toList());
        console.setAllowedMethods(List.of("GET", "POST"));
        console.setAllowedHeaders(List.of("Authorization", "Content-Type"));
        console.setMaxAge(Duration.ofHours(1));
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/admin/**", console);
        return source;
    }
}
