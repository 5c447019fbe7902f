package com.groupbuy.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MonitoringTest {

    private static final Path OPERATIONS_GUIDE = Path.of("..", "docs", "operations.md");

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void prometheus_scrapes_every_process_on_its_actuator_endpoint(ValueSet values) {
        RenderedChart chart = GroupbuyChart.render(values);
        JsonNode spec = chart.get("ServiceMonitor", GroupbuyChart.RELEASE).tree().path("spec");

        JsonNode endpoint = spec.path("endpoints").get(0);
        assertThat(endpoint.path("port").asText()).isEqualTo("metrics");
        assertThat(endpoint.path("path").asText()).isEqualTo("/actuator/prometheus");
        Map<String, String> selector = RenderedChart.YAML.convertValue(spec.path("selector").path("matchLabels"),
                RenderedChart.YAML.getTypeFactory().constructMapType(Map.class, String.class, String.class));
        List<Service> selected = chart.all(Service.class).stream()
                .filter(s -> s.getMetadata().getLabels().entrySet().containsAll(selector.entrySet()))
                .toList();
        assertThat(selected).hasSize(4)
                .allSatisfy(s -> assertThat(s.getSpec().getPorts()).anyMatch(p -> p.getName().equals("metrics")));
    }

    @Test
    void the_alerts_cover_queue_growth_projection_lag_and_dead_letters() {
        List<JsonNode> alerts = alerts(GroupbuyChart.render(ValueSet.DEFAULTS));

        assertThat(alerts).extracting(a -> a.path("alert").asText()).contains(
                "GroupbuyOrderQueueDepthGrowing", "GroupbuyProjectionLagHigh", "GroupbuyDeadLettersNotEmpty");
        assertThat(alert(alerts, "GroupbuyOrderQueueDepthGrowing").path("expr").asText())
                .contains("groupbuy_order_queue_depth", "deriv(", "> 1000", "namespace=\"shop\"");
        assertThat(alert(alerts, "GroupbuyProjectionLagHigh").path("expr").asText())
                .contains("groupbuy_projection_lag_seconds", "> 120");
        assertThat(alert(alerts, "GroupbuyDeadLettersNotEmpty").path("expr").asText())
                .contains("increase(groupbuy_projection_dead_letters_total{namespace=\"shop\"}[1h])", "> 0");
        assertThat(alerts).allSatisfy(alert -> {
            assertThat(alert.path("labels").path("severity").asText()).isNotBlank();
            assertThat(alert.path("annotations").path("summary").asText()).isNotBlank();
            assertThat(alert.path("annotations").path("description").asText()).isNotBlank();
        });
    }

    @Test
    void the_workers_at_max_alert_watches_the_hpa_that_exists() {
        RenderedChart hpa = GroupbuyChart.render(ValueSet.DEFAULTS);
        RenderedChart keda = GroupbuyChart.render(ValueSet.KEDA);

        assertThat(alert(alerts(hpa), "GroupbuyOrderWorkersAtMaxReplicas").path("expr").asText())
                .contains("horizontalpodautoscaler=\"groupbuy-worker\"");
        assertThat(alert(alerts(keda), "GroupbuyOrderWorkersAtMaxReplicas").path("expr").asText())
                .as("KEDA names its HPA keda-hpa-<scaledobject>")
                .contains("horizontalpodautoscaler=\"keda-hpa-groupbuy-worker\"");
    }

    @Test
    void every_alert_links_its_runbook_a_section_of_the_operations_guide() throws IOException {
        String guide = Files.readString(OPERATIONS_GUIDE);
        List<JsonNode> alerts = alerts(GroupbuyChart.render(ValueSet.DEFAULTS));

        assertThat(alerts).extracting(a -> a.path("alert").asText()).contains("GroupbuyPaymentLatencyBudgetBurn",
                "GroupbuyOrderAcceptLatencyBudgetBurn", "GroupbuyFlashAdmissionLatencyBudgetBurn",
                "GroupbuyHttpErrorBudgetBurn", "GroupbuyOrderQueueAgeHigh", "GroupbuyRelayBacklogHigh",
                "GroupbuyDeadLettersNotReplayed");
        for (JsonNode alert : alerts) {
            String name = alert.path("alert").asText();
            assertThat(guide).as("docs/operations.md explains %s", name).contains("\n### " + name + "\n");
            assertThat(alert.path("annotations").path("runbook_url").asText()).as(name)
                    .isEqualTo("https://git.example.com/groupbuy/blob/main/docs/operations.md#"
                            + name.toLowerCase(Locale.ROOT));
        }
    }

    @Test
    void every_process_logs_json_lines_and_exports_spans_only_where_an_otlp_endpoint_is_set() {
        Map<String, String> defaults = GroupbuyChart.render(ValueSet.DEFAULTS)
                .get(ConfigMap.class, GroupbuyChart.RELEASE).getData();
        Map<String, String> production = GroupbuyChart.render(ValueSet.PRODUCTION)
                .get(ConfigMap.class, GroupbuyChart.RELEASE).getData();

        assertThat(defaults)
                .containsEntry("LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs")
                .containsEntry("MANAGEMENT_TRACING_SAMPLING_PROBABILITY", "0.1")
                .as("an empty endpoint would still start the exporter")
                .doesNotContainKey("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT");
        assertThat(production)
                .containsEntry("MANAGEMENT_TRACING_SAMPLING_PROBABILITY", "0.05")
                .containsEntry("MANAGEMENT_OPENTELEMETRY_TRACING_EXPORT_OTLP_ENDPOINT",
                        "http://otel-collector.monitoring:4318/v1/traces");
    }

    @Test
    void the_latency_objectives_count_requests_against_a_bucket_every_process_exports() {
        RenderedChart chart = GroupbuyChart.render(ValueSet.DEFAULTS);
        String buckets = chart.get(ConfigMap.class, GroupbuyChart.RELEASE).getData()
                .get("MANAGEMENT_METRICS_DISTRIBUTION_SLO_HTTP_SERVER_REQUESTS");
        List<String> ratios = new ArrayList<>();
        chart.get("PrometheusRule", GroupbuyChart.RELEASE).tree().path("spec").path("groups")
                .forEach(group -> group.path("rules").forEach(rule -> {
                    if (rule.path("record").asText().startsWith("groupbuy:slo_errors:")) {
                        ratios.add(rule.path("labels").path("slo").asText() + " " + rule.path("expr").asText());
                    }
                }));

        assertThat(buckets).isEqualTo("100ms,200ms,300ms");
        assertThat(ratios).filteredOn(r -> r.startsWith("payment ")).hasSize(7)
                .allSatisfy(r -> assertThat(r).contains("uri=\"/api/v1/orders/{orderId}/payment\"", "le=\"0.2\""));
        assertThat(ratios).filteredOn(r -> r.startsWith("orderAccept ")).hasSize(7)
                .allSatisfy(r -> assertThat(r).contains("uri=\"/api/v1/orders\"", "le=\"0.3\""));
        assertThat(ratios).filteredOn(r -> r.startsWith("flashAdmission ")).hasSize(7)
                .allSatisfy(r -> assertThat(r).contains("uri=\"/api/v1/flash-sales/{flashSaleId}/orders\"", "le=\"0.1\""));
        assertThat(ratios).filteredOn(r -> r.startsWith("availability ")).hasSize(7)
                .allSatisfy(r -> assertThat(r).contains("status=~\"5..\""));
    }

    @Test
    void the_dashboard_shows_queue_depth_projection_lag_http_jvm_and_container_memory_and_the_pools() throws IOException {
        ConfigMap dashboard = GroupbuyChart.render(ValueSet.DEFAULTS)
                .get(ConfigMap.class, GroupbuyChart.RELEASE + "-dashboard");
        assertThat(dashboard.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");

        String json = dashboard.getData().get("groupbuy.json");
        assertThat(json).as("the ConfigMap carries the same file docker/compose.yaml provisions")
                .isEqualTo(Files.readString(GroupbuyChart.DIRECTORY.resolve("dashboards/groupbuy.json")).strip());
        JsonNode board = new ObjectMapper().readTree(json);
        List<String> queries = new ArrayList<>();
        board.path("panels").forEach(panel -> panel.path("targets").forEach(t -> queries.add(t.path("expr").asText())));
        assertThat(queries)
                .anyMatch(q -> q.contains("groupbuy_order_queue_depth"))
                .anyMatch(q -> q.contains("groupbuy_projection_lag_events"))
                .anyMatch(q -> q.contains("rate(http_server_requests_seconds_count"))
                .anyMatch(q -> q.contains("histogram_quantile(0.95") && q.contains("http_server_requests_seconds_bucket"))
                .anyMatch(q -> q.contains("jvm_memory_used_bytes{area=\"heap\""))
                .anyMatch(q -> q.contains("jvm_memory_used_bytes{area=\"nonheap\""))
                .anyMatch(q -> q.contains("jvm_buffer_memory_used_bytes{id=\"direct\""))
                .anyMatch(q -> q.contains("cgroup_memory_working_set_bytes"))
                .anyMatch(q -> q.contains("cgroup_memory_limit_bytes"))
                .anyMatch(q -> q.contains("kube_pod_container_status_restarts_total"));
        assertThat(queries).filteredOn(q -> q.contains("hikaricp_connections_"))
                .anyMatch(q -> q.contains("hikaricp_connections_active{")).anyMatch(q -> q.contains("hikaricp_connections_idle{"))
                .anyMatch(q -> q.contains("hikaricp_connections_pending{")).anyMatch(q -> q.contains("hikaricp_connections_max{"));
        assertThat(board.path("uid").asText()).isNotBlank();
    }

    /** The alerting rules (not the recording rules) of the chart's PrometheusRule. */
    private static List<JsonNode> alerts(RenderedChart chart) {
        List<JsonNode> alerts = new ArrayList<>();
        chart.get("PrometheusRule", GroupbuyChart.RELEASE).tree().path("spec").path("groups")
                .forEach(group -> group.path("rules").forEach(rule -> {
                    if (rule.has("alert")) {
                        alerts.add(rule);
                    }
                }));
        return alerts;
    }

    private static JsonNode alert(List<JsonNode> alerts, String name) {
        return alerts.stream().filter(a -> a.path("alert").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no alert " + name));
    }
}
