package com.groupbuy.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the rendered release could ask of PostgreSQL at its busiest, from the manifests themselves: every Deployment
 * at its autoscaler's maxReplicas (or its replicas), plus the pods a rolling update surges, each with its pool full.
 */
class CapacityTest {

    @ParameterizedTest
    @EnumSource(value = ValueSet.class, names = {"DEFAULTS", "PRODUCTION"})
    void the_pools_of_every_pod_fit_the_connections_each_database_grants(ValueSet values) throws IOException {
        Map<String, Integer> peaks = peakConnections(GroupbuyChart.render(values));

        for (String database : List.of("eventStore", "readModel")) {
            assertThat(peaks.get(database)).as(database).isLessThanOrEqualTo(maxConnections(values, database));
        }
    }

    @Test
    void the_default_release_could_open_410_connections_to_the_event_store_and_210_to_the_read_model() {
        assertThat(peakConnections(GroupbuyChart.render(ValueSet.DEFAULTS)))
                .as("api 13 x 20 + worker 15 x 10; projections 8 x 10 + query-side 13 x 10")
                .containsEntry("eventStore", 410).containsEntry("readModel", 210);
    }

    @Test
    void topics_are_created_so_that_a_write_acknowledged_by_every_in_sync_replica_survives_a_broker_loss() {
        Map<String, String> config = GroupbuyChart.render(ValueSet.DEFAULTS)
                .get(ConfigMap.class, GroupbuyChart.RELEASE).getData();

        int factor = Integer.parseInt(config.get("GROUPBUY_KAFKA_REPLICATIONFACTOR"));
        int inSync = Integer.parseInt(config.get("GROUPBUY_KAFKA_MININSYNCREPLICAS"));
        assertThat(inSync).as("an acknowledged write is on at least two brokers").isGreaterThanOrEqualTo(2);
        assertThat(factor - inSync).as("brokers that may be lost with writes going on").isGreaterThanOrEqualTo(1);
    }

    /** Connections per database (eventStore: api and worker, readModel: projections and query-side). */
    private static Map<String, Integer> peakConnections(RenderedChart chart) {
        Map<String, Integer> peaks = new TreeMap<>();
        for (Deployment deployment : chart.all(Deployment.class)) {
            String name = deployment.getMetadata().getName();
            int pods = chart.all(HorizontalPodAutoscaler.class).stream()
                    .filter(hpa -> hpa.getSpec().getScaleTargetRef().getName().equals(name))
                    .map(hpa -> hpa.getSpec().getMaxReplicas()).findFirst()
                    .orElseGet(() -> deployment.getSpec().getReplicas());
            String surge = deployment.getSpec().getStrategy().getRollingUpdate().getMaxSurge().getStrVal();
            assertThat(surge).isEqualTo("25%");
            int surging = pods + (int) Math.ceil(pods * 0.25);
            List<EnvVar> env = deployment.getSpec().getTemplate().getSpec().getContainers().getFirst().getEnv();
            int pool = Integer.parseInt(value(env, "SPRING_DATASOURCE_HIKARI_MAXIMUM_POOL_SIZE"));
            String database = value(env, "SPRING_DATASOURCE_URL").contains("/eventstore") ? "eventStore" : "readModel";
            peaks.merge(database, surging * pool, Integer::sum);
        }
        return peaks;
    }

    private static String value(List<EnvVar> env, String name) {
        return env.stream().filter(e -> e.getName().equals(name)).map(EnvVar::getValue).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name));
    }

    /** config.<database>.maxConnections of the value set, else of the chart's values.yaml. */
    private static int maxConnections(ValueSet values, String database) throws IOException {
        Optional<Path> file = values.valuesFile();
        if (file.isPresent()) {
            JsonNode set = RenderedChart.YAML.readTree(file.get().toFile()).path("config").path(database);
            if (set.has("maxConnections")) {
                return set.path("maxConnections").asInt();
            }
        }
        return RenderedChart.YAML.readTree(GroupbuyChart.DIRECTORY.resolve("values.yaml").toFile())
                .path("config").path(database).path("maxConnections").asInt();
    }
}
