package com.groupbuy.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.groupbuy.helm.HorizontalPodAutoscalerSimulation.Policy;
import com.groupbuy.helm.HorizontalPodAutoscalerSimulation.PolicyType;
import com.groupbuy.helm.HorizontalPodAutoscalerSimulation.ScalingRules;
import com.groupbuy.helm.HorizontalPodAutoscalerSimulation.SelectPolicy;
import com.groupbuy.helm.HorizontalPodAutoscalerSimulation.Spec;
import com.groupbuy.helm.HorizontalPodAutoscalerSimulation.Target;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The simulated controller against the rules of the Kubernetes documentation, one rule at a time. */
class HorizontalPodAutoscalerSimulationTest {

    private static final ScalingRules UNLIMITED = new ScalingRules(0, SelectPolicy.MAX,
            List.of(new Policy(PolicyType.PODS, 1000, 15)));

    @Test
    void desired_replicas_are_the_metric_total_over_the_target_per_pod_rounded_up() {
        var hpa = new HorizontalPodAutoscalerSimulation(new Spec(1, 50, 100, UNLIMITED, UNLIMITED), 2);

        assertThat(hpa.sync(0, 1001).replicas()).isEqualTo(11);
    }

    @Test
    void a_total_within_ten_percent_of_the_current_capacity_changes_nothing() {
        var hpa = new HorizontalPodAutoscalerSimulation(new Spec(1, 50, 100, UNLIMITED, UNLIMITED), 4);

        assertThat(hpa.sync(0, 436).replicas()).as("ratio 1.09").isEqualTo(4);
        assertThat(hpa.sync(15, 364).replicas()).as("ratio 0.91").isEqualTo(4);
        assertThat(hpa.sync(30, 445).replicas()).as("ratio 1.1125").isEqualTo(5);
    }

    @Test
    void the_count_stays_between_min_and_max_replicas() {
        var hpa = new HorizontalPodAutoscalerSimulation(new Spec(2, 6, 100, UNLIMITED, UNLIMITED), 3);

        assertThat(hpa.sync(0, 100_000).replicas()).isEqualTo(6);
        assertThat(hpa.sync(15, 0).replicas()).isEqualTo(2);
    }

    @Test
    void scale_up_under_select_max_takes_the_policy_allowing_the_bigger_step() {
        ScalingRules up = new ScalingRules(0, SelectPolicy.MAX,
                List.of(new Policy(PolicyType.PODS, 4, 15), new Policy(PolicyType.PERCENT, 100, 15)));
        var hpa = new HorizontalPodAutoscalerSimulation(new Spec(1, 100, 10, up, UNLIMITED), 2);

        assertThat(hpa.sync(0, 1000).replicas()).as("max(2 + 4, 2 × 200%)").isEqualTo(6);
        assertThat(hpa.sync(15, 1000).replicas()).as("max(6 + 4, 6 × 200%)").isEqualTo(12);
    }

    @Test
    void scale_up_under_select_min_takes_the_policy_allowing_the_smaller_step() {
        ScalingRules up = new ScalingRules(0, SelectPolicy.MIN,
                List.of(new Policy(PolicyType.PODS, 4, 15), new Policy(PolicyType.PERCENT, 100, 15)));
        var hpa = new HorizontalPodAutoscalerSimulation(new Spec(1, 100, 10, up, UNLIMITED), 2);

        assertThat(hpa.sync(0, 1000).replicas()).as("min(2 + 4, 2 × 200%)").isEqualTo(4);
    }

    @Test
    void changes_made_within_a_policy_period_count_against_it() {
        ScalingRules up = new ScalingRules(0, SelectPolicy.MAX, List.of(new Policy(PolicyType.PODS, 2, 60)));
        var hpa = new HorizontalPodAutoscalerSimulation(new Spec(1, 100, 10, up, UNLIMITED), 2);

        assertThat(hpa.sync(0, 1000).replicas()).isEqualTo(4);
        assertThat(hpa.sync(15, 1000).replicas()).as("2 pods per 60 s already used").isEqualTo(4);
        assertThat(hpa.sync(60, 1000).replicas()).as("the first step left the period").isEqualTo(6);
    }

    @Test
    void scale_down_waits_until_the_highest_recommendation_leaves_the_stabilization_window() {
        ScalingRules down = new ScalingRules(300, SelectPolicy.MAX, List.of(new Policy(PolicyType.PERCENT, 100, 15)));
        var hpa = new HorizontalPodAutoscalerSimulation(new Spec(1, 20, 100, UNLIMITED, down), 1);
        hpa.sync(0, 1000);

        for (long second = 15; second < 300; second += 15) {
            assertThat(hpa.sync(second, 100).replicas()).as("at %d s", second).isEqualTo(10);
        }
        assertThat(hpa.sync(300, 100).replicas()).as("the 10 recommended at 0 s has left the window").isEqualTo(1);
    }

    @Test
    void scale_down_is_limited_by_its_percent_policy() {
        ScalingRules down = new ScalingRules(0, SelectPolicy.MAX, List.of(new Policy(PolicyType.PERCENT, 50, 60)));
        var hpa = new HorizontalPodAutoscalerSimulation(new Spec(1, 20, 100, UNLIMITED, down), 12);

        assertThat(hpa.sync(0, 0).replicas()).isEqualTo(6);
        assertThat(hpa.sync(15, 0).replicas()).as("half of the 12 of this period already went").isEqualTo(6);
        assertThat(hpa.sync(60, 0).replicas()).isEqualTo(3);
    }

    @Test
    void a_count_outside_the_bounds_is_brought_back_first() {
        var hpa = new HorizontalPodAutoscalerSimulation(new Spec(2, 6, 100, UNLIMITED, UNLIMITED), 9);

        assertThat(hpa.sync(0, 0).replicas()).isEqualTo(6);
    }

    @Test
    void with_several_metrics_the_largest_proposal_wins() {
        Spec spec = new Spec(1, 50, List.of(new Target("cpu", 0.35), new Target("requests", 50)), UNLIMITED, UNLIMITED);
        var hpa = new HorizontalPodAutoscalerSimulation(spec, 2);

        assertThat(hpa.sync(0, Map.of("cpu", 1.4, "requests", 300.0)).replicas()).as("max(4, 6)").isEqualTo(6);
        assertThat(hpa.sync(15, Map.of("cpu", 3.5, "requests", 300.0)).replicas()).as("max(10, 6)").isEqualTo(10);
    }

    @Test
    void a_metric_within_tolerance_proposes_the_current_count_while_another_may_scale_up() {
        Spec spec = new Spec(1, 50, List.of(new Target("cpu", 0.35), new Target("requests", 50)), UNLIMITED, UNLIMITED);
        var hpa = new HorizontalPodAutoscalerSimulation(spec, 4);

        assertThat(hpa.sync(0, Map.of("cpu", 0.5, "requests", 210.0)).replicas()).as("cpu 2, requests within 10%%")
                .isEqualTo(4);
        assertThat(hpa.sync(15, Map.of("cpu", 2.0, "requests", 210.0)).replicas()).as("cpu 2.0 / 0.35 → 6").isEqualTo(6);
    }
}
