package com.groupbuy.helm;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HPAScalingRules;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBehavior;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Kubernetes HPA controller's replica calculation (pkg/controller/podautoscaler) for External and Pods metrics
 * with an AverageValue target and Resource metrics with a Utilization target, so that the chart's autoscaling values
 * can be tried against a load curve without a cluster. Each metric comes down to a total over the pods and a target
 * per pod (a Utilization target per pod is the container's request × the percentage). One {@link #sync} is one
 * controller pass (every 15 s by default):
 * <ol>
 *   <li>proposal, per metric: ceil(total / target per pod), unless total / (target × current) is within 10% of 1;
 *       the largest proposal of all metrics wins;</li>
 *   <li>stabilization: not above the lowest proposal of the scale-up window, not below the highest proposal of the
 *       scale-down window (300 s by default);</li>
 *   <li>rate: the behavior's Pods/Percent policies over their periods, the larger (Max) or smaller (Min) change;</li>
 *   <li>clamp to [minReplicas, maxReplicas].</li>
 * </ol>
 */
final class HorizontalPodAutoscalerSimulation {

    static final int SYNC_PERIOD_SECONDS = 15;
    static final double TOLERANCE = 0.1;

    enum SelectPolicy { MAX, MIN, DISABLED }

    enum PolicyType { PODS, PERCENT }

    record Policy(PolicyType type, int value, int periodSeconds) {
    }

    record ScalingRules(int stabilizationWindowSeconds, SelectPolicy selectPolicy, List<Policy> policies) {

        /** Kubernetes' defaults when the HPA names no scale-up behavior. */
        static final ScalingRules DEFAULT_SCALE_UP = new ScalingRules(0, SelectPolicy.MAX,
                List.of(new Policy(PolicyType.PERCENT, 100, 15), new Policy(PolicyType.PODS, 4, 15)));
        /** Kubernetes' defaults when the HPA names no scale-down behavior. */
        static final ScalingRules DEFAULT_SCALE_DOWN = new ScalingRules(300, SelectPolicy.MAX,
                List.of(new Policy(PolicyType.PERCENT, 100, 15)));
    }

    /** One metric of the HPA: its name (External or Pods metric name, or the resource) and its target per pod. */
    record Target(String metric, double perPod) {
    }

    record Spec(int minReplicas, int maxReplicas, List<Target> targets, ScalingRules scaleUp, ScalingRules scaleDown) {

        /** One metric, named {@value #METRIC}. */
        Spec(int minReplicas, int maxReplicas, double targetAverageValue, ScalingRules scaleUp, ScalingRules scaleDown) {
            this(minReplicas, maxReplicas, List.of(new Target(METRIC, targetAverageValue)), scaleUp, scaleDown);
        }

        double targetAverageValue() {
            return target(METRIC).perPod();
        }

        Target target(String metric) {
            return targets.stream().filter(t -> t.metric().equals(metric)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no target for " + metric));
        }
    }

    /** One controller pass: what it saw, what the metrics proposed (the largest), and the replica count it set. */
    record Step(long second, Map<String, Double> metrics, int proposal, int replicasBefore, int replicas) {

        double metricTotal() {
            return metrics.get(METRIC);
        }
    }

    /** The name of the metric of a one-metric simulation. */
    static final String METRIC = "metric";

    private record Recommendation(long second, int replicas) {
    }

    private record ScaleEvent(long second, int change) {
    }

    private final Spec spec;
    private final List<Recommendation> recommendations = new ArrayList<>();
    private final List<ScaleEvent> scaleUpEvents = new ArrayList<>();
    private final List<ScaleEvent> scaleDownEvents = new ArrayList<>();
    private int replicas;

    HorizontalPodAutoscalerSimulation(Spec spec, int initialReplicas) {
        this.spec = spec;
        this.replicas = initialReplicas;
    }

    /**
     * The spec of a rendered HPA with one External AverageValue metric, with Kubernetes' defaults filled in; the
     * metric is named {@value #METRIC}.
     */
    static Spec specOf(HorizontalPodAutoscaler hpa) {
        MetricSpec metric = hpa.getSpec().getMetrics().stream().filter(m -> "External".equals(m.getType()))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no External metric"));
        return specOf(hpa, List.of(new Target(METRIC, averageValue(metric.getExternal().getTarget()))));
    }

    /**
     * The spec of a rendered HPA with any of External and Pods AverageValue metrics and Resource Utilization metrics,
     * each named as the HPA names it; {@code deployment} gives the containers' requests.
     */
    static Spec specOf(HorizontalPodAutoscaler hpa, Deployment deployment) {
        List<Target> targets = new ArrayList<>();
        for (MetricSpec metric : hpa.getSpec().getMetrics()) {
            targets.add(switch (metric.getType()) {
                case "External" -> new Target(metric.getExternal().getMetric().getName(),
                        averageValue(metric.getExternal().getTarget()));
                case "Pods" -> new Target(metric.getPods().getMetric().getName(),
                        averageValue(metric.getPods().getTarget()));
                case "Resource" -> new Target(metric.getResource().getName(),
                        utilizationPerPod(metric.getResource().getName(), metric.getResource().getTarget(), deployment));
                default -> throw new IllegalArgumentException("not simulated: " + metric.getType() + " metrics");
            });
        }
        return specOf(hpa, targets);
    }

    private static Spec specOf(HorizontalPodAutoscaler hpa, List<Target> targets) {
        var hpaSpec = hpa.getSpec();
        Optional<HorizontalPodAutoscalerBehavior> behavior = Optional.ofNullable(hpaSpec.getBehavior());
        return new Spec(
                Optional.ofNullable(hpaSpec.getMinReplicas()).orElse(1),
                hpaSpec.getMaxReplicas(),
                targets,
                rules(behavior.map(HorizontalPodAutoscalerBehavior::getScaleUp), ScalingRules.DEFAULT_SCALE_UP),
                rules(behavior.map(HorizontalPodAutoscalerBehavior::getScaleDown), ScalingRules.DEFAULT_SCALE_DOWN));
    }

    private static double averageValue(MetricTarget target) {
        if (!"AverageValue".equals(target.getType())) {
            throw new IllegalArgumentException("only AverageValue targets are simulated here, not " + target.getType());
        }
        return target.getAverageValue().getNumericalAmount().doubleValue();
    }

    /** A Utilization target as a total per pod: the sum of the containers' requests × the percentage. */
    private static double utilizationPerPod(String resource, MetricTarget target, Deployment deployment) {
        if (!"Utilization".equals(target.getType())) {
            throw new IllegalArgumentException("only Utilization targets of resources are simulated");
        }
        double requested = deployment.getSpec().getTemplate().getSpec().getContainers().stream()
                .mapToDouble(c -> c.getResources().getRequests().get(resource).getNumericalAmount().doubleValue())
                .sum();
        return requested * target.getAverageUtilization() / 100.0;
    }

    private static ScalingRules rules(Optional<HPAScalingRules> rules, ScalingRules defaults) {
        if (rules.isEmpty()) {
            return defaults;
        }
        HPAScalingRules given = rules.get();
        List<Policy> policies = given.getPolicies() == null || given.getPolicies().isEmpty()
                ? defaults.policies()
                : given.getPolicies().stream()
                        .map(p -> new Policy(PolicyType.valueOf(p.getType().toUpperCase()), p.getValue(), p.getPeriodSeconds()))
                        .toList();
        return new ScalingRules(
                Optional.ofNullable(given.getStabilizationWindowSeconds()).orElse(defaults.stabilizationWindowSeconds()),
                Optional.ofNullable(given.getSelectPolicy()).map(s -> SelectPolicy.valueOf(s.toUpperCase()))
                        .orElse(defaults.selectPolicy()),
                policies);
    }

    int replicas() {
        return replicas;
    }

    /** The passes of {@code steps} that scaled below a proposal made within the {@code windowSeconds} before. */
    static List<Step> scaleDownsBelowARecentProposal(List<Step> steps, int windowSeconds) {
        return steps.stream()
                .filter(step -> step.replicas() < step.replicasBefore())
                .filter(step -> step.replicas() < steps.stream()
                        .filter(s -> s.second() > step.second() - windowSeconds && s.second() <= step.second())
                        .mapToInt(Step::proposal).max().orElseThrow())
                .toList();
    }

    /** One controller pass at {@code second}, reading {@code metricTotal} (the sum of the selected series). */
    Step sync(long second, double metricTotal) {
        return sync(second, Map.of(METRIC, metricTotal));
    }

    /** One controller pass at {@code second}, reading each metric's total over the pods. */
    Step sync(long second, Map<String, Double> metricTotals) {
        if (recommendations.isEmpty()) {
            recommendations.add(new Recommendation(second, replicas));
        }
        int current = replicas;
        int proposal = current;
        int desired;
        if (current > spec.maxReplicas()) {
            desired = spec.maxReplicas();
        } else if (current < spec.minReplicas()) {
            desired = spec.minReplicas();
        } else {
            proposal = spec.targets().stream()
                    .mapToInt(target -> proposal(metricTotals.get(target.metric()), target.perPod(), current))
                    .max().orElseThrow();
            int stabilized = stabilize(second, current, proposal);
            desired = limitRate(second, current, stabilized);
        }
        if (desired != current) {
            (desired > current ? scaleUpEvents : scaleDownEvents).add(new ScaleEvent(second, Math.abs(desired - current)));
            replicas = desired;
        }
        return new Step(second, Map.copyOf(metricTotals), proposal, current, desired);
    }

    private static int proposal(Double total, double targetPerPod, int current) {
        if (total == null) {
            throw new IllegalArgumentException("a pass needs every metric of the HPA");
        }
        double usageRatio = total / (targetPerPod * current);
        if (Math.abs(1.0 - usageRatio) <= TOLERANCE) {
            return current;
        }
        return (int) Math.ceil(total / targetPerPod);
    }

    private int stabilize(long second, int current, int proposal) {
        long upCutoff = second - spec.scaleUp().stabilizationWindowSeconds();
        long downCutoff = second - spec.scaleDown().stabilizationWindowSeconds();
        int upRecommendation = proposal;
        int downRecommendation = proposal;
        for (Recommendation recommendation : recommendations) {
            if (recommendation.second() > upCutoff) {
                upRecommendation = Math.min(upRecommendation, recommendation.replicas());
            }
            if (recommendation.second() > downCutoff) {
                downRecommendation = Math.max(downRecommendation, recommendation.replicas());
            }
        }
        recommendations.removeIf(r -> r.second() <= upCutoff && r.second() <= downCutoff);
        recommendations.add(new Recommendation(second, proposal));
        int recommendation = Math.max(current, upRecommendation);
        return Math.min(recommendation, downRecommendation);
    }

    private int limitRate(long second, int current, int desired) {
        if (desired > current) {
            int limit = Math.max(scaleUpLimit(second, current), current);
            return Math.min(desired, Math.min(spec.maxReplicas(), limit));
        }
        if (desired < current) {
            int limit = Math.min(scaleDownLimit(second, current), current);
            return Math.max(desired, Math.max(spec.minReplicas(), limit));
        }
        return desired;
    }

    private int scaleUpLimit(long second, int current) {
        ScalingRules rules = spec.scaleUp();
        if (rules.selectPolicy() == SelectPolicy.DISABLED) {
            return current;
        }
        boolean max = rules.selectPolicy() == SelectPolicy.MAX;
        int result = max ? Integer.MIN_VALUE : Integer.MAX_VALUE;
        for (Policy policy : rules.policies()) {
            int periodStart = current - changeWithin(scaleUpEvents, second, policy.periodSeconds())
                    + changeWithin(scaleDownEvents, second, policy.periodSeconds());
            int proposed = switch (policy.type()) {
                case PODS -> periodStart + policy.value();
                case PERCENT -> (int) Math.ceil(periodStart * (1 + policy.value() / 100.0));
            };
            result = max ? Math.max(result, proposed) : Math.min(result, proposed);
        }
        return result;
    }

    private int scaleDownLimit(long second, int current) {
        ScalingRules rules = spec.scaleDown();
        if (rules.selectPolicy() == SelectPolicy.DISABLED) {
            return current;
        }
        boolean max = rules.selectPolicy() == SelectPolicy.MAX;
        int result = max ? Integer.MAX_VALUE : Integer.MIN_VALUE;
        for (Policy policy : rules.policies()) {
            int periodStart = current - changeWithin(scaleUpEvents, second, policy.periodSeconds())
                    + changeWithin(scaleDownEvents, second, policy.periodSeconds());
            int proposed = switch (policy.type()) {
                case PODS -> periodStart - policy.value();
                case PERCENT -> (int) (periodStart * (1 - policy.value() / 100.0));
            };
            // "Max" selects the policy allowing the biggest change, i.e. the lowest floor when scaling down
            result = max ? Math.min(result, proposed) : Math.max(result, proposed);
        }
        return result;
    }

    private static int changeWithin(List<ScaleEvent> events, long second, int periodSeconds) {
        long cutoff = second - periodSeconds;
        return events.stream().filter(e -> e.second() > cutoff).mapToInt(ScaleEvent::change).sum();
    }
}
