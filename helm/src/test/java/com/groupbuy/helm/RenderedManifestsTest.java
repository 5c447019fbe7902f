package com.groupbuy.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RenderedManifestsTest {

    static final List<String> PROCESSES = List.of("api", "worker", "projections", "query-side");

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void every_manifest_parses_strictly_into_the_kubernetes_model_or_its_custom_resource_definition(ValueSet values) {
        RenderedChart chart = GroupbuyChart.render(values);

        assertThat(chart.manifests()).isNotEmpty();
        for (Manifest manifest : chart.manifests()) {
            List<String> problems = manifest.model() != null
                    ? UnknownFields.in(manifest.model())
                    : CustomResourceShapes.problemsOf(manifest);
            assertThat(problems).as("fields of %s that its schema does not have", manifest.id()).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void every_manifest_is_named_after_the_release_and_labelled_as_part_of_it(ValueSet values) {
        for (Manifest manifest : GroupbuyChart.render(values).manifests()) {
            assertThat(manifest.name()).as(manifest.id()).startsWith(GroupbuyChart.RELEASE);
            assertThat(manifest.tree().path("metadata").path("labels").path("app.kubernetes.io/instance").asText())
                    .as(manifest.id()).isEqualTo(GroupbuyChart.RELEASE);
        }
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void every_process_has_a_deployment_a_service_a_disruption_budget_and_a_network_policy(ValueSet values) {
        RenderedChart chart = GroupbuyChart.render(values);

        for (String process : PROCESSES) {
            String name = GroupbuyChart.RELEASE + "-" + process;
            Deployment deployment = chart.get(Deployment.class, name);
            var podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(podLabels).containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels());

            assertThat(chart.get(Service.class, name).getSpec().getSelector())
                    .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
            assertThat(chart.get(PodDisruptionBudget.class, name).getSpec().getSelector().getMatchLabels())
                    .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
            assertThat(chart.get(NetworkPolicy.class, name).getSpec().getPodSelector().getMatchLabels())
                    .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
        }
        assertThat(chart.all(Deployment.class)).hasSize(PROCESSES.size());
    }

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void a_disruption_budget_never_blocks_a_drain_of_a_single_replica(ValueSet values) {
        for (PodDisruptionBudget budget : GroupbuyChart.render(values).all(PodDisruptionBudget.class)) {
            var spec = budget.getSpec();
            assertThat(spec.getMinAvailable() == null ^ spec.getMaxUnavailable() == null)
                    .as("%s sets exactly one of minAvailable and maxUnavailable", budget.getMetadata().getName())
                    .isTrue();
            if (spec.getMaxUnavailable() != null) {
                assertThat(spec.getMaxUnavailable().getIntVal()).isPositive();
            }
        }
    }
}
