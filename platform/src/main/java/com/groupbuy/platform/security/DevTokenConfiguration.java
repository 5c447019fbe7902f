package com.groupbuy.platform.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** The dev token endpoint, which mints admin tokens to whoever asks: it exists only in the embedded local run. */
@Configuration(proxyBeanMethods = false)
@Profile("local")
public class DevTokenConfiguration {

    @Bean
    DevTokenController devTokenController(JwtSettings settings) {
        return new DevTokenController(new DevTokens(settings));
    }

}
