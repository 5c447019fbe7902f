package com.groupbuy.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HPAScalingPolicy;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBehavior;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AutoscalingTest {

    private static final String WORKER = GroupbuyChart.RELEASE + "-worker";
    private static final String PROJECTIONS = GroupbuyChart.RELEASE + "-projections";

    @Test
    void the_workers_scale_on_the_order_queue_depth_per_pod() {
        HorizontalPodAutoscaler hpa = GroupbuyChart.render(ValueSet.DEFAULTS).get(HorizontalPodAutoscaler.class, WORKER);

        assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(WORKER);
        assertThat(hpa.getSpec().getMetrics()).singleElement().satisfies(metric -> {
            assertThat(metric.getType()).isEqualTo("External");
            assertThat(metric.getExternal().getMetric().getName()).isEqualTo("groupbuy_order_queue_depth");
            assertThat(metric.getExternal().getMetric().getSelector().getMatchLabels())
                    .containsEntry("topic", "groupbuy.orders.requests")
                    .containsEntry("consumergroup", "groupbuy-order-workers");
            assertThat(metric.getExternal().getTarget().getType())
                    .as("AverageValue: desired = ceil(depth / target), whatever the current count")
                    .isEqualTo("AverageValue");
            assertThat(metric.getExternal().getTarget().getValue()).isNull();
            assertThat(metric.getExternal().getTarget().getAverageValue()).isEqualTo(new Quantity("200"));
        });
        assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(2);
        assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(12);
    }

    @Test
    void the_workers_scale_up_fast_and_down_only_after_five_minutes_of_lower_recommendations() {
        HorizontalPodAutoscalerBehavior behavior = GroupbuyChart.render(ValueSet.DEFAULTS)
                .get(HorizontalPodAutoscaler.class, WORKER).getSpec().getBehavior();

        assertThat(behavior.getScaleUp().getStabilizationWindowSeconds()).isZero();
        assertThat(behavior.getScaleUp().getSelectPolicy()).isEqualTo("Max");
        assertThat(behavior.getScaleUp().getPolicies()).extracting(HPAScalingPolicy::getType, HPAScalingPolicy::getValue,
                        HPAScalingPolicy::getPeriodSeconds)
                .containsExactly(tuple("Pods", 4, 15), tuple("Percent", 100, 15));
        assertThat(behavior.getScaleDown().getStabilizationWindowSeconds()).isEqualTo(300);
        assertThat(behavior.getScaleDown().getPolicies()).singleElement().satisfies(policy -> {
            assertThat(policy.getType()).isEqualTo("Percent");
            assertThat(policy.getValue()).isEqualTo(50);
            assertThat(policy.getPeriodSeconds()).isEqualTo(60);
        });
    }

    @ParameterizedTest
    @EnumSource(value = ValueSet.class, names = {"DEFAULTS", "PRODUCTION"})
    void there_are_never_more_order_queue_consumers_than_partitions(ValueSet values) {
        RenderedChart chart = GroupbuyChart.render(values);
        int partitions = values == ValueSet.PRODUCTION ? 24 : 12;
        int consumersPerPod = chart.get(Deployment.class, WORKER).getSpec().getTemplate().getSpec().getContainers()
                .getFirst().getEnv().stream().filter(e -> e.getName().equals("GROUPBUY_WORKER_CONSUMERS"))
                .mapToInt(e -> Integer.parseInt(e.getValue())).findFirst().orElseThrow();

        HorizontalPodAutoscaler hpa = chart.get(HorizontalPodAutoscaler.class, WORKER);
        assertThat(hpa.getSpec().getMaxReplicas() * consumersPerPod).as("consumers at maxReplicas")
                .isLessThanOrEqualTo(partitions);
        assertThat(hpa.getSpec().getMinReplicas()).isBetween(1, hpa.getSpec().getMaxReplicas());
    }

    @ParameterizedTest
    @EnumSource(value = ValueSet.class, names = {"DEFAULTS", "PRODUCTION"})
    void autoscaled_deployments_leave_their_replica_count_to_the_autoscaler(ValueSet values) {
        RenderedChart chart = GroupbuyChart.render(values);

        for (String process : RenderedManifestsTest.PROCESSES) {
            assertThat(chart.get(Deployment.class, GroupbuyChart.RELEASE + "-" + process).getSpec().getReplicas())
                    .as(process).isNull();
        }
    }

    @ParameterizedTest
    @EnumSource(value = ValueSet.class, names = {"DEFAULTS", "PRODUCTION"})
    void the_api_and_the_query_side_scale_on_cpu_and_on_requests_per_second_per_pod(ValueSet values) {
        RenderedChart chart = GroupbuyChart.render(values);

        for (String process : List.of("api", "query-side")) {
            HorizontalPodAutoscaler hpa = chart.get(HorizontalPodAutoscaler.class, GroupbuyChart.RELEASE + "-" + process);
            assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo(GroupbuyChart.RELEASE + "-" + process);
            assertThat(hpa.getSpec().getMetrics()).extracting(MetricSpec::getType).containsExactly("Resource", "Pods");
            MetricSpec cpu = hpa.getSpec().getMetrics().getFirst();
            assertThat(cpu.getResource().getName()).isEqualTo("cpu");
            assertThat(cpu.getResource().getTarget().getType()).isEqualTo("Utilization");
            assertThat(cpu.getResource().getTarget().getAverageUtilization()).isEqualTo(70);
            MetricSpec requests = hpa.getSpec().getMetrics().get(1);
            assertThat(requests.getPods().getMetric().getName()).isEqualTo("http_server_requests_per_second");
            assertThat(requests.getPods().getTarget().getType()).isEqualTo("AverageValue");
            assertThat(requests.getPods().getTarget().getAverageValue())
                    .isEqualTo(new Quantity(process.equals("api") ? "50" : "200"));
            assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(2);
            assertThat(hpa.getSpec().getBehavior().getScaleDown().getStabilizationWindowSeconds()).isEqualTo(300);
        }
    }

    @Test
    void with_keda_the_api_and_the_query_side_scale_on_cpu_and_on_their_request_rate_from_prometheus() {
        RenderedChart chart = GroupbuyChart.render(ValueSet.KEDA);

        for (String process : List.of("api", "query-side")) {
            JsonNode triggers = chart.get("ScaledObject", GroupbuyChart.RELEASE + "-" + process).tree()
                    .path("spec").path("triggers");
            assertThat(triggers.get(0).path("type").asText()).isEqualTo("cpu");
            assertThat(triggers.get(0).path("metricType").asText()).isEqualTo("Utilization");
            assertThat(triggers.get(0).path("metadata").path("value").asText()).isEqualTo("70");
            assertThat(triggers.get(1).path("type").asText()).isEqualTo("prometheus");
            assertThat(triggers.get(1).path("metadata").path("query").asText())
                    .isEqualTo("sum(rate(http_server_requests_seconds_count{namespace=\"shop\",component=\"" + process
                            + "\",uri!~\"/actuator.*\"}[2m]))");
        }
    }

    @Test
    void the_projections_scale_on_their_lag_in_events() {
        HorizontalPodAutoscaler hpa = GroupbuyChart.render(ValueSet.DEFAULTS).get(HorizontalPodAutoscaler.class, PROJECTIONS);

        MetricSpec metric = hpa.getSpec().getMetrics().getFirst();
        assertThat(metric.getExternal().getMetric().getName()).isEqualTo("groupbuy_projection_lag_events");
        assertThat(metric.getExternal().getTarget().getType()).isEqualTo("AverageValue");
        assertThat(hpa.getSpec().getMaxReplicas()).isLessThanOrEqualTo(12);
        assertThat(hpa.getSpec().getBehavior().getScaleDown().getStabilizationWindowSeconds()).isPositive();
    }

    @Test
    void with_keda_the_workers_scale_on_their_consumer_groups_lag_and_no_hpa_is_rendered() {
        RenderedChart chart = GroupbuyChart.render(ValueSet.KEDA);

        assertThat(chart.all(HorizontalPodAutoscaler.class)).isEmpty();
        assertThat(chart.ofKind("ConfigMap")).noneMatch(m -> m.name().endsWith("prometheus-adapter-rules"));
        JsonNode spec = chart.get("ScaledObject", WORKER).tree().path("spec");
        assertThat(spec.path("scaleTargetRef").path("name").asText()).isEqualTo(WORKER);
        assertThat(spec.path("minReplicaCount").asInt()).as("KEDA cannot wake a group from zero").isEqualTo(1);
        assertThat(spec.path("maxReplicaCount").asInt()).isEqualTo(12);
        JsonNode trigger = spec.path("triggers").get(0);
        assertThat(trigger.path("type").asText()).isEqualTo("kafka");
        assertThat(trigger.path("metadata").path("topic").asText()).isEqualTo("groupbuy.orders.requests");
        assertThat(trigger.path("metadata").path("consumerGroup").asText()).isEqualTo("groupbuy-order-workers");
        assertThat(trigger.path("metadata").path("lagThreshold").asText()).isEqualTo("100");
        assertThat(trigger.path("metadata").path("allowIdleConsumers").asText())
                .as("never more consumers than partitions").isEqualTo("false");

        JsonNode projections = chart.get("ScaledObject", PROJECTIONS).tree().path("spec").path("triggers").get(0);
        assertThat(projections.path("type").asText()).isEqualTo("prometheus");
        assertThat(projections.path("metadata").path("query").asText()).contains("groupbuy_projection_lag_events");
    }

    @Test
    void with_keda_the_autoscaler_behavior_is_a_valid_kubernetes_hpa_behavior() throws IOException {
        RenderedChart chart = GroupbuyChart.render(ValueSet.KEDA);

        for (String name : new String[] {WORKER, PROJECTIONS}) {
            JsonNode tree = chart.get("ScaledObject", name).tree()
                    .path("spec").path("advanced").path("horizontalPodAutoscalerConfig").path("behavior");
            HorizontalPodAutoscalerBehavior behavior = RenderedChart.YAML.treeToValue(tree,
                    HorizontalPodAutoscalerBehavior.class);
            assertThat(UnknownFields.in(behavior)).isEmpty();
            assertThat(behavior.getScaleDown().getStabilizationWindowSeconds()).isPositive();
        }
    }
}
