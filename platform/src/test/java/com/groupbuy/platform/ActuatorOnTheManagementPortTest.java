package com.groupbuy.platform;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the chart sets up (MANAGEMENT_SERVER_PORT): actuator answers on the management port without a token, for
 * probes and Prometheus, and not on the clients' port.
 */
@SpringBootTest(classes = EdgeTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"groupbuy.security.jwt.secret=an-edge-test-secret-that-is-long-enough",
                "management.server.port=0", "management.endpoints.web.exposure.include=health,prometheus"})
class ActuatorOnTheManagementPortTest {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Test
    void probes_and_prometheus_answer_on_the_management_port_without_a_token() throws Exception {
        EdgeClient management = new EdgeClient("127.0.0.1", managementPort);

        assertThat(management.get("/actuator/health", null).status()).isEqualTo(200);
        assertThat(management.getText("/actuator/prometheus")).contains("jvm_memory_used_bytes");
    }

    @Test
    void prometheus_reads_the_processs_cgroup_memory_next_to_the_jvms() throws Exception {
        String scrape = new EdgeClient("127.0.0.1", managementPort).getText("/actuator/prometheus");

        assertThat(scrape).containsPattern("cgroup_memory_working_set_bytes\\{cgroup=\"[12]\"")
                .containsPattern("cgroup_memory_limit_bytes\\{cgroup=\"[12]\"")
                .containsPattern("cgroup_memory_limit_hits_total\\{cgroup=\"[12]\"")
                .contains("jvm_buffer_memory_used_bytes{", "id=\"direct\"");
    }

    @Test
    void the_clients_port_has_no_actuator() throws Exception {
        EdgeClient clients = new EdgeClient("127.0.0.1", port);

        assertThat(clients.get("/actuator/health", null).status()).isEqualTo(404);
        assertThat(clients.get("/actuator/prometheus", null).status()).isEqualTo(404);
    }
}
