package com.groupbuy.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.groupbuy.helm.HorizontalPodAutoscalerSimulation.Spec;
import com.groupbuy.helm.HorizontalPodAutoscalerSimulation.Step;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The order workers' HPA exactly as the chart renders it by default, driven through a flash sale's queue-depth curve
 * by the simulated controller, one 15-second pass at a time.
 */
class OrderWorkerScalingTest {

    private static Spec spec;
    private static List<Step> steps;

    @BeforeAll
    static void run_the_flash_sale() {
        HorizontalPodAutoscaler hpa = GroupbuyChart.render(ValueSet.DEFAULTS)
                .get(HorizontalPodAutoscaler.class, GroupbuyChart.RELEASE + "-worker");
        spec = HorizontalPodAutoscalerSimulation.specOf(hpa);
        LoadCurve depth = LoadCurve.read("order-queue-depth-flash-sale.csv");

        var controller = new HorizontalPodAutoscalerSimulation(spec, spec.minReplicas());
        steps = new ArrayList<>();
        for (long second = 0; second <= depth.lastSecond(); second += HorizontalPodAutoscalerSimulation.SYNC_PERIOD_SECONDS) {
            steps.add(controller.sync(second, depth.at(second)));
        }
        print();
    }

    @Test
    void the_simulation_runs_the_charts_default_autoscaler() {
        assertThat(spec.minReplicas()).isEqualTo(2);
        assertThat(spec.maxReplicas()).isEqualTo(12);
        assertThat(spec.targetAverageValue()).isEqualTo(200);
        assertThat(spec.scaleDown().stabilizationWindowSeconds()).isEqualTo(300);
    }

    @Test
    void a_quiet_shop_keeps_the_minimum_of_workers() {
        assertThat(steps.stream().filter(s -> s.second() < 300)).allSatisfy(s -> assertThat(s.replicas()).isEqualTo(2));
    }

    @Test
    void the_workers_reach_their_maximum_within_four_passes_of_the_sale_opening() {
        Step opening = steps.stream().filter(s -> s.metricTotal() > spec.minReplicas() * spec.targetAverageValue())
                .findFirst().orElseThrow();
        Step atMaximum = steps.stream().filter(s -> s.replicas() == spec.maxReplicas()).findFirst().orElseThrow();

        assertThat(atMaximum.second() - opening.second()).isLessThanOrEqualTo(4L * 15);
    }

    @Test
    void the_workers_never_exceed_the_maximum_nor_the_order_topic_partitions() {
        assertThat(steps).allSatisfy(s -> assertThat(s.replicas()).isBetween(spec.minReplicas(), spec.maxReplicas()));
        assertThat(spec.maxReplicas()).isLessThanOrEqualTo(12);
    }

    @Test
    void the_workers_never_drop_below_a_recommendation_of_the_last_five_minutes() {
        assertThat(HorizontalPodAutoscalerSimulation.scaleDownsBelowARecentProposal(steps, 300)).isEmpty();
    }

    @Test
    void the_first_scale_down_comes_five_minutes_after_the_queue_last_needed_every_worker() {
        long lastNeededAll = steps.stream().filter(s -> s.proposal() >= spec.maxReplicas())
                .mapToLong(Step::second).max().orElseThrow();
        Step firstScaleDown = steps.stream().filter(s -> s.replicas() < s.replicasBefore()).findFirst().orElseThrow();

        assertThat(firstScaleDown.second() - lastNeededAll).isGreaterThanOrEqualTo(300);
    }

    @Test
    void the_second_wave_is_met_without_dropping_workers_first() {
        List<Step> secondWave = steps.stream().filter(s -> s.second() >= 1500 && s.second() < 1700).toList();

        assertThat(secondWave).extracting(Step::replicas).isSorted();
        assertThat(secondWave.getLast().replicas()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void the_workers_return_to_the_minimum_once_the_queue_has_drained() {
        assertThat(steps.getLast().replicas()).isEqualTo(spec.minReplicas());
    }

    private static void print() {
        StringBuilder table = new StringBuilder("order workers through the flash sale (default chart values)\n");
        table.append(String.format("%6s %7s %8s %8s%n", "second", "depth", "proposal", "workers"));
        int previous = -1;
        for (Step step : steps) {
            boolean interesting = step.replicas() != previous || step.second() % 300 == 0;
            if (interesting) {
                table.append(String.format("%6d %7.0f %8d %8d %s%n", step.second(), step.metricTotal(),
                        step.proposal(), step.replicas(), "#".repeat(step.replicas())));
            }
            previous = step.replicas();
        }
        System.out.print(table);
    }
}
