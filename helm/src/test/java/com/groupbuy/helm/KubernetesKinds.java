package com.groupbuy.helm;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every (apiVersion, kind) the chart may render. Built-in kinds map to their fabric8 model class; the custom
 * resources (Prometheus Operator, KEDA) have no model here and are checked as YAML against their CRDs' fields.
 */
final class KubernetesKinds {

    private static final Map<String, Class<?>> BUILT_IN = Map.of(
            "v1/ConfigMap", ConfigMap.class,
            "v1/Secret", Secret.class,
            "v1/Service", Service.class,
            "v1/ServiceAccount", ServiceAccount.class,
            "apps/v1/Deployment", Deployment.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class);

    static final Set<String> CUSTOM = Set.of(
            "monitoring.coreos.com/v1/ServiceMonitor",
            "monitoring.coreos.com/v1/PrometheusRule",
            "keda.sh/v1alpha1/ScaledObject");

    private KubernetesKinds() {
    }

    static Optional<Class<?>> modelOf(String apiVersion, String kind) {
        return Optional.ofNullable(BUILT_IN.get(apiVersion + "/" + kind));
    }

    static boolean isCustom(String apiVersion, String kind) {
        return CUSTOM.contains(apiVersion + "/" + kind);
    }
}
