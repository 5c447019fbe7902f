package com.groupbuy.platform.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The dev token endpoint, which mints admin tokens to whoever asks: it exists only in the embedded local run
 * (profile {@code local}), and even there answers only callers on the same machine ({@link LoopbackOnly}), so a
 * deployment that switched the profile on by mistake still hands out nothing.
 */
@Configuration(proxyBeanMethods = false)
@Profile("local")
public class DevTokenConfiguration implements WebMvcConfigurer {

    @Bean
    DevTokenController devTokenController(JwtSettings settings) {
        return new DevTokenController(new DevTokens(settings));
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new LoopbackOnly()).addPathPatterns(DevTokenController.PATH);
    }
}
