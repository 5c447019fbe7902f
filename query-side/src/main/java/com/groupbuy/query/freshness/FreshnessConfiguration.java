package com.groupbuy.query.freshness;

import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;


/** Freshness headers on the answers of every {@link ReadModel} handler. */
@Configuration(proxyBeanMethods = false)
class FreshnessConfiguration implements WebMvcConfigurer {

    private final ReadModelHeaders headers;

    FreshnessConfiguration(ReadModelHeaders headers) {
        this.headers = headers;
    }

    /** The headers in the OpenAPI document, on the answers of the same handlers. */
    @Bean
    OperationCustomizer readModelHeadersDocumented() {
        return new ReadModelHeadersDocumented();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new FreshnessHeaders(headers));
    }
}
