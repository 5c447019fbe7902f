package com.groupbuy.helm;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields of the custom resources the chart renders (Prometheus Operator's ServiceMonitor and PrometheusRule,
 * KEDA's ScaledObject), as their CRDs define them, restricted to what a chart like this uses. A rendered custom
 * resource must have the required fields and no field outside its shape.
 */
final class CustomResourceShapes {

    /** A field's expected form. */
    sealed interface Shape permits Fields, ListOf, Scalar, StringMap, CheckedElsewhere {
    }

    record Fields(Map<String, Shape> fields, Set<String> required) implements Shape {
    }

    record ListOf(Shape item) implements Shape {
    }

    record Scalar() implements Shape {
    }

    record StringMap() implements Shape {
    }

    /** A subtree another check covers (a HorizontalPodAutoscalerBehavior, against the Kubernetes model). */
    record CheckedElsewhere() implements Shape {
    }

    private static final Scalar SCALAR = new Scalar();
    private static final StringMap STRINGS = new StringMap();

    private static final Fields METADATA = new Fields(
            Map.of("name", SCALAR, "namespace", SCALAR, "labels", STRINGS, "annotations", STRINGS), Set.of("name"));

    private static final Fields LABEL_SELECTOR = new Fields(Map.of("matchLabels", STRINGS), Set.of("matchLabels"));

    private static final Fields SERVICE_MONITOR = new Fields(Map.of(
            "selector", LABEL_SELECTOR,
            "namespaceSelector", new Fields(Map.of("matchNames", new ListOf(SCALAR), "any", SCALAR), Set.of()),
            "jobLabel", SCALAR,
            "endpoints", new ListOf(new Fields(Map.of(
                    "port", SCALAR,
                    "path", SCALAR,
                    "scheme", SCALAR,
                    "interval", SCALAR,
                    "scrapeTimeout", SCALAR,
                    "honorLabels", SCALAR,
                    "relabelings", new ListOf(relabeling()),
                    "metricRelabelings", new ListOf(relabeling())), Set.of("port")))),
            Set.of("selector", "endpoints"));

    private static final Fields ALERTING_RULE = new Fields(Map.of(
            "alert", SCALAR,
            "record", SCALAR,
            "expr", SCALAR,
            "for", SCALAR,
            "keep_firing_for", SCALAR,
            "labels", STRINGS,
            "annotations", STRINGS), Set.of("expr"));

    private static final Fields PROMETHEUS_RULE = new Fields(Map.of(
            "groups", new ListOf(new Fields(
                    Map.of("name", SCALAR, "interval", SCALAR, "rules", new ListOf(ALERTING_RULE)),
                    Set.of("name", "rules")))),
            Set.of("groups"));

    private static final Set<String> KAFKA_SCALER_METADATA = Set.of("bootstrapServers", "consumerGroup", "topic",
            "lagThreshold", "activationLagThreshold", "offsetResetPolicy", "allowIdleConsumers",
            "scaleToZeroOnInvalidOffset", "excludePersistentLag", "limitToPartitionsWithLag", "version");
    private static final Set<String> CPU_SCALER_METADATA = Set.of("value", "containerName");
    private static final Set<String> PROMETHEUS_SCALER_METADATA = Set.of("serverAddress", "query", "threshold",
            "activationThreshold", "namespace", "ignoreNullValues", "unsafeSsl");

    private static final Fields SCALED_OBJECT = new Fields(Map.of(
            "scaleTargetRef", new Fields(Map.of("apiVersion", SCALAR, "kind", SCALAR, "name", SCALAR), Set.of("name")),
            "pollingInterval", SCALAR,
            "cooldownPeriod", SCALAR,
            "idleReplicaCount", SCALAR,
            "minReplicaCount", SCALAR,
            "maxReplicaCount", SCALAR,
            "advanced", new Fields(Map.of("restoreToOriginalReplicaCount", SCALAR, "horizontalPodAutoscalerConfig",
                    new Fields(Map.of("name", SCALAR, "behavior", new CheckedElsewhere()), Set.of())), Set.of()),
            "triggers", new ListOf(new Fields(Map.of(
                    "type", SCALAR,
                    "name", SCALAR,
                    "metricType", SCALAR,
                    "metadata", STRINGS,
                    "authenticationRef", new Fields(Map.of("name", SCALAR, "kind", SCALAR), Set.of("name"))),
                    Set.of("type", "metadata")))),
            Set.of("scaleTargetRef", "triggers"));

    private CustomResourceShapes() {
    }

    /** Problems of one custom resource; empty when it has its CRD's shape. */
    static List<String> problemsOf(Manifest manifest) {
        List<String> problems = new ArrayList<>();
        JsonNode tree = manifest.tree();
        Set<String> top = Set.of("apiVersion", "kind", "metadata", "spec");
        tree.fieldNames().forEachRemaining(field -> {
            if (!top.contains(field)) {
                problems.add("unknown field ." + field);
            }
        });
        check(tree.path("metadata"), METADATA, ".metadata", problems);
        Fields spec = switch (manifest.kind()) {
            case "ServiceMonitor" -> SERVICE_MONITOR;
            case "PrometheusRule" -> PROMETHEUS_RULE;
            case "ScaledObject" -> SCALED_OBJECT;
            default -> throw new IllegalArgumentException("no shape for " + manifest.kind());
        };
        check(tree.path("spec"), spec, ".spec", problems);
        if (manifest.kind().equals("ScaledObject")) {
            for (JsonNode trigger : tree.path("spec").path("triggers")) {
                Set<String> allowed = switch (trigger.path("type").asText()) {
                    case "kafka" -> KAFKA_SCALER_METADATA;
                    case "prometheus" -> PROMETHEUS_SCALER_METADATA;
                    case "cpu" -> CPU_SCALER_METADATA;
                    default -> Set.of();
                };
                trigger.path("metadata").fieldNames().forEachRemaining(key -> {
                    if (!allowed.contains(key)) {
                        problems.add("unknown " + trigger.path("type").asText() + " scaler parameter " + key);
                    }
                });
            }
        }
        return problems;
    }

    private static void check(JsonNode node, Shape shape, String path, List<String> problems) {
        switch (shape) {
            case Fields(Map<String, Shape> fields, Set<String> required) -> {
                if (!node.isObject()) {
                    problems.add(path + " is not an object");
                    return;
                }
                required.stream().filter(r -> !node.has(r)).forEach(r -> problems.add(path + "." + r + " is missing"));
                node.fields().forEachRemaining(field -> {
                    Shape child = fields.get(field.getKey());
                    if (child == null) {
                        problems.add("unknown field " + path + "." + field.getKey());
                    } else {
                        check(field.getValue(), child, path + "." + field.getKey(), problems);
                    }
                });
            }
            case ListOf(Shape item) -> {
                if (!node.isArray()) {
                    problems.add(path + " is not a list");
                    return;
                }
                for (int i = 0; i < node.size(); i++) {
                    check(node.get(i), item, path + "[" + i + "]", problems);
                }
            }
            case Scalar() -> {
                if (node.isContainerNode()) {
                    problems.add(path + " is not a scalar");
                }
            }
            case CheckedElsewhere() -> {
            }
            case StringMap() -> {
                if (!node.isObject()) {
                    problems.add(path + " is not a map");
                    return;
                }
                node.fields().forEachRemaining(field -> {
                    if (!field.getValue().isTextual()) {
                        problems.add(path + "." + field.getKey() + " is not a string");
                    }
                });
            }
        }
    }

    private static Fields relabeling() {
        return new Fields(Map.of("sourceLabels", new ListOf(SCALAR), "separator", SCALAR, "targetLabel", SCALAR,
                "regex", SCALAR, "replacement", SCALAR, "action", SCALAR, "modulus", SCALAR), Set.of());
    }
}
