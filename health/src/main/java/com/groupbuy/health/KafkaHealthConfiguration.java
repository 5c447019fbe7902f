package com.groupbuy.health;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

import java.time.Duration;

/**
 * The {@code kafka} health indicator, for processes that need the broker to do their work. Import it and list
 * {@code kafka} in {@code management.endpoint.health.group.readiness.include}.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaHealthConfiguration {

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin,
            @Value("${groupbuy.health.kafka.timeout:2s}") Duration timeout) {
        return new KafkaHealthIndicator(kafkaAdmin.getConfigurationProperties(), timeout);
    }
}
