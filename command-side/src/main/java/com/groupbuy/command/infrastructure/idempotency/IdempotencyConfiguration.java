package com.groupbuy.command.infrastructure.idempotency;

import com.groupbuy.platform.web.ProblemWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;
import java.time.Duration;

@Configuration(proxyBeanMethods = false)
@Profile("api")
class IdempotencyConfiguration {

    /** Runs right after Spring Security's filter chain, so the caller is known. */
    @Bean
    FilterRegistrationBean<IdempotencyFilter> idempotencyFilter(JdbcClient jdbc, ProblemWriter problems, Clock clock,
            @Value("${groupbuy.idempotency.abandon-after:30s}") Duration abandonAfter) {
        FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(
                new IdempotencyFilter(new IdempotencyRecords(jdbc), problems, clock, abandonAfter));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
        registration.addUrlPatterns("/api/*");
        return registration;
    }
}
