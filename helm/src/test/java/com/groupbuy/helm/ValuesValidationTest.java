package com.groupbuy.helm;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** values.schema.json and the templates' checks turn a wrong value into a failed install, not a broken cluster. */
class ValuesValidationTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            worker-above-partitions.yaml      | worker.autoscaling.maxReplicas (16) x worker.consumersPerPod (1) must not exceed kafka.orderQueue.partitions (12)
            consumers-above-partitions.yaml   | worker.autoscaling.maxReplicas (12) x worker.consumersPerPod (4) must not exceed kafka.orderQueue.partitions (12)
            api-min-above-max.yaml            | api.autoscaling.minReplicas (5) must not exceed api.autoscaling.maxReplicas (3)
            too-many-database-connections.yaml | the pods could open 410 connections to eventStore (databasePoolSize x (maxReplicas or replicas) plus a rolling update's 25% surge), more than config.eventStore.maxConnections (97)
            min-insync-replicas-of-every-replica.yaml | kafka.minInsyncReplicas (3) must be below kafka.replicationFactor (3)
            projections-above-partitions.yaml | projections.autoscaling.maxReplicas (6) must not exceed kafka.eventTopics.partitions (4)
            min-above-max.yaml                | worker.autoscaling.minReplicas (10) must not exceed worker.autoscaling.maxReplicas (8)
            unknown-key.yaml                  | replicaCount
            short-jwt-secret.yaml             | jwtSecret
            writable-root-filesystem.yaml     | readOnlyRootFilesystem
            unknown-autoscaling-engine.yaml   | engine
            value-target-type.yaml            | targetQueueDepthPerPod
            local-profile.yaml                | /config/springProfiles/1
            local-profile-in-extra-env.yaml   | invalid propertyName 'SPRING_PROFILES_ACTIVE'
            local-profile-in-process-env.yaml | /querySide/extraEnv/0
            local-profile-in-jvm-options.yaml | /api/jvmOptions
            local-profile-in-jdk-options.yaml | /worker/extraEnv/0
            """)
    void values_that_break_the_rules_fail_the_rendering(String valuesFile, String explanation) {
        Path file = Path.of("src", "test", "resources", "invalid-values", valuesFile);

        assertThatThrownBy(() -> GroupbuyChart.template(file.toString()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(explanation);
    }
}
