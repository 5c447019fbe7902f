package com.groupbuy.platform.observability;

import io.prometheus.metrics.tracer.common.SpanContext;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * No trace exemplars on {@code /actuator/prometheus} unless {@code groupbuy.metrics.exemplars=true}. With tracing on,
 * Spring Boot attaches the current trace to counters and to the {@code _count} of timers; Prometheus before 2.43
 * refuses such a {@code _count} and drops the whole scrape ("does not support exemplars"), which would blind the
 * autoscalers and the alerts. Turn them on where every Prometheus that scrapes the pods is 2.43 or newer.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "groupbuy.metrics.exemplars", havingValue = "false", matchIfMissing = true)
public class ExemplarsConfiguration {

    /** Stands in for Spring Boot's span context: no span is ever sampled, so no exemplar is ever taken. */
    @Bean
    SpanContext noExemplars() {
        return new SpanContext() {
            @Override
            public String getCurrentTraceId() {
                return null;
            }

            @Override
            public String getCurrentSpanId() {
                return null;
            }

            @Override
            public boolean isCurrentSpanSampled() {
                return false;
            }

            @Override
            public void markCurrentSpanAsExemplar() {
            }
        };
    }
}
