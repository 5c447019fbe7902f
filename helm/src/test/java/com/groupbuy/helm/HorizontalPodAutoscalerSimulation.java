package com.groupbuy.helm;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HPAScalingRules;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBehavior;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Kubernetes HPA controller's replica calculation (pkg/controller/podautoscaler) for one External metric with an
 * AverageValue target, so that the chart's autoscaling values can be tried against a queue-depth curve without a
 * cluster. One {@link #sync} is one controller pass (every 15 s by default):
 * <ol>
 *   <li>proposal: ceil(total / target per pod), unless total / (target × current) is within 10% of 1;</li>
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

    record Spec(int minReplicas, int maxReplicas, double targetAverageValue, ScalingRules scaleUp,
                ScalingRules scaleDown) {
    }

    /** One controller pass: what it saw, what the metric alone proposed, and the replica count it set. */
    record Step(long second, double metricTotal, int proposal, int replicasBefore, int replicas) {
    }

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

    /** The spec of a rendered HPA with one External AverageValue metric, with Kubernetes' defaults filled in. */
    static Spec specOf(HorizontalPodAutoscaler hpa) {
        var hpaSpec = hpa.getSpec();
        MetricSpec metric = hpaSpec.getMetrics().stream().filter(m -> "External".equals(m.getType()))
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no External metric"));
        var target = metric.getExternal().getTarget();
        if (!"AverageValue".equals(target.getType())) {
            throw new IllegalArgumentException("only AverageValue targets are simulated, not " + target.getType());
        }
        Optional<HorizontalPodAutoscalerBehavior> behavior = Optional.ofNullable(hpaSpec.getBehavior());
        return new Spec(
                Optional.ofNullable(hpaSpec.getMinReplicas()).orElse(1),
                hpaSpec.getMaxReplicas(),
                target.getAverageValue().getNumericalAmount().doubleValue(),
                rules(behavior.map(HorizontalPodAutoscalerBehavior::getScaleUp), ScalingRules.DEFAULT_SCALE_UP),
                rules(behavior.map(HorizontalPodAutoscalerBehavior::getScaleDown), ScalingRules.DEFAULT_SCALE_DOWN));
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

    /** One controller pass at {@code second}, reading {@code metricTotal} (the sum of the selected series). */
    Step sync(long second, double metricTotal) {
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
            proposal = proposal(metricTotal, current);
            int stabilized = stabilize(second, current, proposal);
            desired = limitRate(second, current, stabilized);
        }
        if (desired != current) {
            (desired > current ? scaleUpEvents : scaleDownEvents).add(new ScaleEvent(second, Math.abs(desired - current)));
            replicas = desired;
        }
        return new Step(second, metricTotal, proposal, current, desired);
    }

    private int proposal(double total, int current) {
        double usageRatio = total / (spec.targetAverageValue() * current);
        if (Math.abs(1.0 - usageRatio) <= TOLERANCE) {
            return current;
        }
        return (int) Math.ceil(total / spec.targetAverageValue());
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
