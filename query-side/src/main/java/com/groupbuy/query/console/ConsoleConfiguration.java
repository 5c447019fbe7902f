package com.groupbuy.query.console;

import com.groupbuy.platform.security.SecurityConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The web console: static pages under {@code /console/} (and Chart.js from its WebJar under {@code /webjars/}),
 * open without a token because they hold no data; every figure they show comes from the role-protected
 * {@code /api/**} calls, made by the page with the bearer token its user signed in with. See docs/console.md.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsoleSettings.class)
class ConsoleConfiguration implements WebMvcConfigurer {

    static final String[] PATHS = {"/console", "/console/", "/console/**", "/webjars/**"};

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    SecurityFilterChain consoleSecurity(HttpSecurity http) throws Exception {
        return SecurityConfiguration.openDoors(http, PATHS)
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; connect-src *; img-src 'self' data: blob:;"
                                + " style-src 'self' 'unsafe-inline'; frame-ancestors 'none'")))
                .build();
    }

    @Override
    public void addViewControllers(ViewControllerRegistry registry) {
        registry.addRedirectViewController("/console", "/console/");
        registry.addViewController("/console/").setViewName("forward:/console/index.html");
    }
}
