package com.groupbuy.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The four processes as the contract (shared/SPEC.md) describes them: ports, roles, health and metrics. */
class ProcessesTest {

    private static final Map<String, Integer> PORTS = Map.of("api", 8081, "query-side", 8082, "projections", 8083,
            "worker", 8084);
    /** Actuator's port in every pod (management.server.port), apart from the port that serves clients. */
    static final int MANAGEMENT_PORT = 8090;

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void every_process_listens_on_its_contract_port_and_serves_actuator_on_the_management_port(ValueSet values) {
        RenderedChart chart = GroupbuyChart.render(values);

        PORTS.forEach((process, port) -> {
            Container container = container(chart, process);
            assertThat(container.getPorts())
                    .extracting(ContainerPort::getName, ContainerPort::getContainerPort)
                    .containsExactlyInAnyOrder(tuple("http", port), tuple("management", MANAGEMENT_PORT));
            assertThat(env(container, "SERVER_PORT")).contains(String.valueOf(port));
            assertThat(env(container, "MANAGEMENT_SERVER_PORT")).contains(String.valueOf(MANAGEMENT_PORT));
        });
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void every_process_is_probed_on_its_actuator_health_groups(ValueSet values) {
        RenderedChart chart = GroupbuyChart.render(values);

        for (String process : PORTS.keySet()) {
            Container container = container(chart, process);
            assertProbe(container.getStartupProbe(), "/actuator/health/liveness");
            assertProbe(container.getLivenessProbe(), "/actuator/health/liveness");
            assertProbe(container.getReadinessProbe(), "/actuator/health/readiness");
            Probe startup = container.getStartupProbe();
            assertThat(startup.getPeriodSeconds() * startup.getFailureThreshold())
                    .as("%s gets at least two minutes to start before liveness applies", process)
                    .isGreaterThanOrEqualTo(120);
        }
    }

    @ParameterizedTest
    @CsvSource({
            "api, command-side, api",
            "worker, command-side, worker",
            "projections, projections, ",
            "query-side, query-side, "
    })
    void api_and_worker_run_the_command_side_image_in_their_role(String process, String module, String profile) {
        Container container = container(GroupbuyChart.render(ValueSet.DEFAULTS), process);

        assertThat(container.getImage()).isEqualTo("groupbuy/" + module + ":0.1.0-SNAPSHOT");
        assertThat(env(container, "SPRING_PROFILES_ACTIVE")).isEqualTo(Optional.ofNullable(profile));
    }

    @Test
    void extra_profiles_follow_the_role_profile() {
        RenderedChart chart = GroupbuyChart.render(ValueSet.PRODUCTION);

        assertThat(env(container(chart, "worker"), "SPRING_PROFILES_ACTIVE")).contains("worker,production");
        assertThat(env(container(chart, "query-side"), "SPRING_PROFILES_ACTIVE")).contains("production");
        assertThat(container(chart, "api").getImage())
                .isEqualTo("registry.example.com/shop/groupbuy/command-side:0.1.0");
    }

    @ParameterizedTest
    @CsvSource({
            "api, eventstore",
            "worker, eventstore",
            "projections, readmodel",
            "query-side, readmodel"
    })
    void command_processes_use_the_event_store_and_read_processes_the_read_model(String process, String database) {
        Container container = container(GroupbuyChart.render(ValueSet.DEFAULTS), process);

        assertThat(env(container, "SPRING_DATASOURCE_URL")).hasValueSatisfying(url -> assertThat(url).endsWith("/" + database));
        assertThat(secretKey(container, "SPRING_DATASOURCE_PASSWORD")).isEqualTo("database-password");
        assertThat(secretKey(container, "GROUPBUY_SECURITY_JWT_SECRET")).isEqualTo("jwt-secret");
        assertThat(container.getEnvFrom()).singleElement()
                .satisfies(source -> assertThat(source.getConfigMapRef().getName()).isEqualTo(GroupbuyChart.RELEASE));
    }

    @Test
    void an_existing_secret_replaces_the_charts_own() {
        RenderedChart chart = GroupbuyChart.render(ValueSet.PRODUCTION);

        assertThat(chart.ofKind("Secret")).isEmpty();
        Container api = container(chart, "api");
        assertThat(api.getEnv()).filteredOn(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null)
                .allSatisfy(e -> assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo("groupbuy-credentials"));
    }

    @Test
    void the_shared_configuration_reaches_every_process_as_spring_properties() {
        RenderedChart chart = GroupbuyChart.render(ValueSet.PRODUCTION);

        Map<String, String> config = chart.get(io.fabric8.kubernetes.api.model.ConfigMap.class, GroupbuyChart.RELEASE)
                .getData();
        assertThat(config)
                .containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS",
                        "kafka-0.kafka.data:9092,kafka-1.kafka.data:9092,kafka-2.kafka.data:9092")
                .containsEntry("GROUPBUY_REDIS_URL", "redis://redis.data:6379")
                .containsEntry("GROUPBUY_SECURITY_JWT_JWK_SET_URI",
                        "https://login.example.com/realms/shop/protocol/openid-connect/certs")
                .containsEntry("GROUPBUY_SECURITY_JWT_AUDIENCE", "groupbuy-shop")
                .containsEntry("LOGGING_LEVEL_COM_GROUPBUY", "INFO")
                .as("topics the processes create match the partitions the autoscalers count on")
                .containsEntry("GROUPBUY_ORDERQUEUE_PARTITIONS", "24")
                .containsEntry("GROUPBUY_KAFKA_EVENTPARTITIONS", "12")
                .containsEntry("GROUPBUY_KAFKA_REPLICATIONFACTOR", "3");
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void clients_reach_api_and_query_side_and_prometheus_reaches_every_process(ValueSet values) {
        RenderedChart chart = GroupbuyChart.render(values);

        PORTS.forEach((process, port) -> {
            Service service = chart.get(Service.class, GroupbuyChart.RELEASE + "-" + process);
            ServicePort metrics = port(service, "metrics").orElseThrow();
            assertThat(metrics.getPort()).isEqualTo(MANAGEMENT_PORT);
            assertThat(metrics.getTargetPort().getStrVal()).isEqualTo("management");
            boolean servesClients = process.equals("api") || process.equals("query-side");
            assertThat(port(service, "http")).as("client port of %s", process).matches(p -> p.isPresent() == servesClients);
            port(service, "http").ifPresent(http -> assertThat(http.getTargetPort().getStrVal()).isEqualTo("http"));
        });
    }

    static Container container(RenderedChart chart, String process) {
        Deployment deployment = chart.get(Deployment.class, GroupbuyChart.RELEASE + "-" + process);
        return deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
    }

    static Optional<String> env(Container container, String name) {
        return container.getEnv().stream().filter(e -> e.getName().equals(name)).map(EnvVar::getValue).findFirst();
    }

    private static String secretKey(Container container, String name) {
        return container.getEnv().stream().filter(e -> e.getName().equals(name))
                .map(e -> e.getValueFrom().getSecretKeyRef().getKey()).findFirst().orElseThrow();
    }

    private static Optional<ServicePort> port(Service service, String name) {
        return service.getSpec().getPorts().stream().filter(p -> p.getName().equals(name)).findFirst();
    }

    private static void assertProbe(Probe probe, String path) {
        assertThat(probe).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("management");
    }
}
