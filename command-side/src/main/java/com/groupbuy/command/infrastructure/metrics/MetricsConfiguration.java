package com.groupbuy.command.infrastructure.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MetricsConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Axon's Spring Boot support puts every {@code MessageHandlerInterceptor} bean on the command bus. */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    @Bean
    CommandOutcomes commandOutcomes(MeterRegistry registry) {
        return new CommandOutcomes(registry);
    }

    /** Takes the place of the module Axon's auto-configuration would add (it stands back for any such bean). */
    @Bean
    MetricsConfigurerModule axonMessageMonitors(GlobalMetricRegistry axonRegistry) {
        return new AxonMessageMonitors(axonRegistry);
    }
}
