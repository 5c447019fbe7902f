package com.groupbuy.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.groupbuy.helm.HorizontalPodAutoscalerSimulation.Spec;
import com.groupbuy.helm.HorizontalPodAutoscalerSimulation.Step;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The api's HPA exactly as the chart renders it by default (CPU utilization and HTTP requests per second per pod),
 * driven through a flash sale's request-rate curve by the simulated controller, one 15-second pass at a time. The
 * CPU the pods use is the request rate times the api's measured CPU per command.
 */
class ApiScalingTest {

    private static final String CPU = "cpu";
    private static final String REQUESTS = "http_server_requests_per_second";
    /** api CPU per accepted order: 37.8 CPU s for 6,000 orders (docs/performance.md, one worker). */
    private static final double CPU_SECONDS_PER_REQUEST = 37.8 / 6000;

    private static Spec spec;
    private static List<Step> steps;

    @BeforeAll
    static void run_the_flash_sale() {
        RenderedChart chart = GroupbuyChart.render(ValueSet.DEFAULTS);
        HorizontalPodAutoscaler hpa = chart.get(HorizontalPodAutoscaler.class, GroupbuyChart.RELEASE + "-api");
        spec = HorizontalPodAutoscalerSimulation.specOf(hpa, chart.get(Deployment.class, GroupbuyChart.RELEASE + "-api"));
        LoadCurve requests = LoadCurve.read("api-requests-per-second-flash-sale.csv");

        var controller = new HorizontalPodAutoscalerSimulation(spec, spec.minReplicas());
        steps = new ArrayList<>();
        for (long second = 0; second <= requests.lastSecond(); second += HorizontalPodAutoscalerSimulation.SYNC_PERIOD_SECONDS) {
            double rate = requests.at(second);
            steps.add(controller.sync(second, Map.of(REQUESTS, rate, CPU, rate * CPU_SECONDS_PER_REQUEST)));
        }
        print();
    }

    @Test
    void the_simulation_runs_the_charts_default_autoscaler() {
        assertThat(spec.minReplicas()).isEqualTo(2);
        assertThat(spec.maxReplicas()).isEqualTo(10);
        assertThat(spec.target(REQUESTS).perPod()).isEqualTo(50);
        assertThat(spec.target(CPU).perPod()).as("70%% of 500m").isEqualTo(0.35);
    }

    @Test
    void the_request_rate_target_is_below_what_a_pod_serves_at_its_cpu_target() {
        double requestsAtCpuTarget = spec.target(CPU).perPod() / CPU_SECONDS_PER_REQUEST;

        assertThat(spec.target(REQUESTS).perPod()).as("a pod at its CPU target serves %.0f requests/s", requestsAtCpuTarget)
                .isLessThan(requestsAtCpuTarget);
    }

    @Test
    void a_quiet_shop_keeps_the_minimum_of_apis() {
        assertThat(steps.stream().filter(s -> s.second() < 300)).allSatisfy(s -> assertThat(s.replicas()).isEqualTo(2));
    }

    @Test
    void the_apis_reach_their_maximum_within_three_passes_of_the_sale_opening() {
        Step opening = steps.stream().filter(s -> s.metrics().get(REQUESTS) > spec.minReplicas() * 50.0)
                .findFirst().orElseThrow();
        Step atMaximum = steps.stream().filter(s -> s.replicas() == spec.maxReplicas()).findFirst().orElseThrow();

        assertThat(atMaximum.second() - opening.second()).isLessThanOrEqualTo(3L * 15);
    }

    @Test
    void below_the_maximum_no_pod_serves_more_than_its_target_for_longer_than_two_passes() {
        int overloadedPasses = 0;
        for (Step step : steps) {
            double perPod = step.metrics().get(REQUESTS) / step.replicas();
            boolean overloaded = perPod > 50 * (1 + HorizontalPodAutoscalerSimulation.TOLERANCE)
                    && step.replicas() < spec.maxReplicas();
            overloadedPasses = overloaded ? overloadedPasses + 1 : 0;
            assertThat(overloadedPasses).as("at %d s, %.0f requests/s per pod", step.second(), perPod).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void the_apis_never_drop_below_a_recommendation_of_the_last_five_minutes() {
        assertThat(HorizontalPodAutoscalerSimulation.scaleDownsBelowARecentProposal(steps, 300)).isEmpty();
    }

    @Test
    void the_second_wave_is_served_by_six_apis_and_the_shop_returns_to_the_minimum() {
        Step secondWave = steps.stream().filter(s -> s.second() == 1650).findFirst().orElseThrow();

        assertThat(secondWave.replicas()).as("300 requests/s at 50 per pod").isEqualTo(6);
        assertThat(steps.getLast().replicas()).isEqualTo(spec.minReplicas());
    }

    private static void print() {
        StringBuilder table = new StringBuilder("api through the flash sale (default chart values)\n");
        table.append(String.format("%6s %9s %6s %8s %5s%n", "second", "requests", "cpu", "proposal", "apis"));
        int previous = -1;
        for (Step step : steps) {
            if (step.replicas() != previous || step.second() % 300 == 0) {
                table.append(String.format("%6d %9.0f %6.2f %8d %5d %s%n", step.second(), step.metrics().get(REQUESTS),
                        step.metrics().get(CPU), step.proposal(), step.replicas(), "#".repeat(step.replicas())));
            }
            previous = step.replicas();
        }
        System.out.print(table);
    }
}
