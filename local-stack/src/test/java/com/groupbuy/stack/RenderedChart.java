package com.groupbuy.stack;

import com.marcnuri.helm.Helm;
import org.yaml.snakeyaml.Yaml;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The chart of {@code helm/groupbuy} rendered by Helm's own library (helm-java, as the helm module's tests render
 * it) for namespace {@code local}, the namespace {@link LocalPrometheus} labels its series with: the prometheus-adapter
 * rules and the alert rules as the cluster would get them.
 */
final class RenderedChart {

    private static final Path CHART = Path.of("..", "helm", "groupbuy").toAbsolutePath().normalize();

    private final List<Map<String, Object>> manifests;

    private RenderedChart(List<Map<String, Object>> manifests) {
        this.manifests = manifests;
    }

    /** Renders with the chart's defaults and {@code values} set as {@code helm template --set} would. */
    static RenderedChart render(Map<String, Object> values) {
        var template = new Helm(CHART).template().withName("groupbuy").withNamespace("local")
                .withKubeVersion("1.30.0");
        values.forEach(template::set);
        List<Map<String, Object>> manifests = new ArrayList<>();
        for (Object document : new Yaml().loadAll(template.call())) {
            if (document instanceof Map<?, ?> manifest) {
                manifests.add(cast(manifest));
            }
        }
        return new RenderedChart(manifests);
    }

    /**
     * The query prometheus-adapter runs for the Pods metric of the api's HPA (HTTP requests per second): the chart's
     * custom rule's {@code metricsQuery}, filled in as the adapter fills it for one pod.
     */
    String requestsPerSecondQuery(String pod) {
        Map<String, Object> adapterValues = new Yaml().load((String) data(manifest("ConfigMap",
                "groupbuy-prometheus-adapter-rules")).get("values.yaml"));
        Map<String, Object> rule = cast(((List<?>) cast(adapterValues.get("rules")).get("custom")).getFirst());
        return ((String) rule.get("metricsQuery"))
                .replace("<<.Series>>", "http_server_requests_seconds_count")
                .replace("<<.LabelMatchers>>", "namespace=\"local\",pod=\"" + pod + "\"")
                .replace("<<.GroupBy>>", "pod");
    }

    /** The PrometheusRule's groups as a Prometheus rule file, recording rules and alerts alike. */
    String prometheusRuleFile() {
        Map<String, Object> spec = cast(manifest("PrometheusRule", "groupbuy").get("spec"));
        return new Yaml().dump(Map.of("groups", spec.get("groups")));
    }

    private Map<String, Object> manifest(String kind, String name) {
        return manifests.stream()
                .filter(m -> kind.equals(m.get("kind")) && name.equals(cast(m.get("metadata")).get("name")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the chart renders no " + kind + " " + name));
    }

    private static Map<String, Object> data(Map<String, Object> configMap) {
        return cast(configMap.get("data"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object map) {
        return (Map<String, Object>) map;
    }
}
