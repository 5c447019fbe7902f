package com.groupbuy.command.flashsale.api;

import com.groupbuy.platform.security.BearerTokens;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@Profile("api")
class CrowdPurchaseConfiguration {

    /**
     * Right before Spring Security's filter chain: after the request size limit and the HTTP observation (so a
     * purchase answered here is still timed and traced as {@value CrowdPurchaseFilter#PATH_PATTERN}).
     */
    @Bean
    FilterRegistrationBean<CrowdPurchaseFilter> crowdPurchaseFilter(BearerTokens tokens,
                                                                    FlashSalePurchases purchases, JsonMapper json) {
        FilterRegistrationBean<CrowdPurchaseFilter> registration =
                new FilterRegistrationBean<>(new CrowdPurchaseFilter(tokens, purchases, json));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        registration.addUrlPatterns("/api/v1/flash-sales/*");
        return registration;
    }
}
