package com.groupbuy.platform.memory;

import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The cgroup memory gauges of every process (Spring Boot binds each MeterBinder bean to the registry). */
@Configuration(proxyBeanMethods = false)
public class CgroupMemoryConfiguration {

    @Bean
    MeterBinder cgroupMemoryMetrics() {
        return new CgroupMemoryMetrics();
    }
}
