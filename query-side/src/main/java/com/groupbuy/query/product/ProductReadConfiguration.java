package com.groupbuy.query.product;

import com.groupbuy.platform.security.BearerTokens;
import com.groupbuy.query.freshness.ReadModelHeaders;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
class ProductReadConfiguration {

    /** Right before Spring Security's filter chain, after the request size limit and the HTTP observation. */
    @Bean
    FilterRegistrationBean<ProductReadFilter> productReadFilter(BearerTokens tokens, ProductCache cache,
                                                                ReadModelHeaders freshness, JsonMapper json) {
        FilterRegistrationBean<ProductReadFilter> registration =
                new FilterRegistrationBean<>(new ProductReadFilter(tokens, cache, freshness, json));
        registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
        registration.addUrlPatterns("/api/v1/products/*");
        return registration;
    }
}
