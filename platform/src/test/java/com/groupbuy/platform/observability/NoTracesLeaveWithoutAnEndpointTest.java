package com.groupbuy.platform.observability;

import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** Without an OTLP endpoint nothing exports spans (and nothing tries localhost:4318): the default everywhere. */
@SpringBootTest(classes = TracedApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "groupbuy.security.jwt.secret=a-tracing-test-secret-that-is-long-enough")
class NoTracesLeaveWithoutAnEndpointTest {

    @Autowired
    ApplicationContext context;

    @Test
    void there_is_no_span_exporter() {
        assertThat(context.getBeansOfType(SpanExporter.class)).isEmpty();
        assertThat(context.getBeanNamesForType(io.micrometer.tracing.Tracer.class))
                .as("tracing itself is on: trace ids in logs and across Kafka").isNotEmpty();
    }
}
