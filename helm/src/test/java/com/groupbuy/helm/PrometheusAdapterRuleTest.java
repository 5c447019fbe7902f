package com.groupbuy.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The External metrics the HPAs read exist only through these prometheus-adapter rules. */
class PrometheusAdapterRuleTest {

    private static final String RULES = GroupbuyChart.RELEASE + "-prometheus-adapter-rules";

    @Test
    void the_order_queue_depth_rule_publishes_the_metric_the_worker_hpa_reads() throws IOException {
        RenderedChart chart = GroupbuyChart.render(ValueSet.DEFAULTS);
        JsonNode rule = externalRule(chart, "groupbuy_order_queue_depth");
        String hpaMetric = chart.get(HorizontalPodAutoscaler.class, GroupbuyChart.RELEASE + "-worker")
                .getSpec().getMetrics().getFirst().getExternal().getMetric().getName();

        assertThat(rule.path("name").path("as").asText()).isEqualTo(hpaMetric);
        assertThat(rule.path("seriesQuery").asText())
                .startsWith("groupbuy_order_queue_depth{")
                .contains("topic=\"groupbuy.orders.requests\"", "consumergroup=\"groupbuy-order-workers\"");
        assertThat(rule.path("resources").path("overrides").path("namespace").path("resource").asText())
                .as("scoped to the HPA's namespace").isEqualTo("namespace");
    }

    @Test
    void the_order_queue_depth_counts_once_however_many_api_pods_export_it() throws IOException {
        String query = externalRule(GroupbuyChart.render(ValueSet.DEFAULTS), "groupbuy_order_queue_depth")
                .path("metricsQuery").asText();

        assertThat(query)
                .as("the HPA's selector and namespace only apply through <<.LabelMatchers>>")
                .contains("<<.Series>>{<<.LabelMatchers>>}")
                .isEqualTo("sum(max by (topic, consumergroup) (<<.Series>>{<<.LabelMatchers>>}))");
    }

    @Test
    void the_projection_lag_rule_counts_each_projection_once() throws IOException {
        JsonNode rule = externalRule(GroupbuyChart.render(ValueSet.DEFAULTS), "groupbuy_projection_lag_events");

        assertThat(rule.path("metricsQuery").asText())
                .isEqualTo("sum(max by (projection) (<<.Series>>{<<.LabelMatchers>>}))");
    }

    @Test
    void from_kafka_exporter_the_depth_is_the_clamped_lag_summed_over_partitions() throws IOException {
        JsonNode rule = externalRule(GroupbuyChart.render(ValueSet.PRODUCTION), "groupbuy_order_queue_depth");

        assertThat(rule.path("seriesQuery").asText()).startsWith("kafka_consumergroup_lag{");
        assertThat(rule.path("metricsQuery").asText())
                .contains("clamp_min(", "max by (topic, consumergroup, partition)", "<<.LabelMatchers>>");
        assertThat(rule.path("resources").path("namespaced").asBoolean(true))
                .as("kafka-exporter runs in Kafka's namespace, not the workers'").isFalse();
    }

    @Test
    void the_chart_values_snippet_and_the_plain_adapter_config_hold_the_same_rules() throws IOException {
        ConfigMap rules = GroupbuyChart.render(ValueSet.DEFAULTS).get(ConfigMap.class, RULES);

        JsonNode chartValues = RenderedChart.YAML.readTree(rules.getData().get("values.yaml"));
        JsonNode adapterConfig = RenderedChart.YAML.readTree(rules.getData().get("config.yaml"));
        assertThat(chartValues.path("rules").path("external")).isEqualTo(adapterConfig.path("externalRules"));
        assertThat(chartValues.path("rules").path("external")).hasSize(2);
        assertThat(chartValues.path("rules").path("custom")).isEqualTo(adapterConfig.path("rules")).hasSize(1);
    }

    @Test
    void the_requests_per_second_rule_publishes_the_pods_metric_the_api_and_query_side_hpas_read() throws IOException {
        RenderedChart chart = GroupbuyChart.render(ValueSet.DEFAULTS);
        String values = chart.get(ConfigMap.class, RULES).getData().get("values.yaml");
        JsonNode rule = RenderedChart.YAML.readTree(values).path("rules").path("custom").get(0);

        for (String process : new String[] {"api", "query-side"}) {
            String hpaMetric = chart.get(HorizontalPodAutoscaler.class, GroupbuyChart.RELEASE + "-" + process)
                    .getSpec().getMetrics().stream().filter(m -> m.getType().equals("Pods")).findFirst().orElseThrow()
                    .getPods().getMetric().getName();
            assertThat(rule.path("name").path("as").asText()).isEqualTo(hpaMetric);
        }
        assertThat(rule.path("seriesQuery").asText()).startsWith("http_server_requests_seconds_count{");
        assertThat(rule.path("resources").path("overrides").path("pod").path("resource").asText())
                .as("a Pods metric: one value per pod").isEqualTo("pod");
        assertThat(rule.path("resources").path("overrides").path("namespace").path("resource").asText())
                .isEqualTo("namespace");
        assertThat(rule.path("metricsQuery").asText())
                .isEqualTo("sum(rate(<<.Series>>{<<.LabelMatchers>>,uri!~\"/actuator.*\"}[2m])) by (<<.GroupBy>>)");
    }

    private static JsonNode externalRule(RenderedChart chart, String metric) throws IOException {
        String values = chart.get(ConfigMap.class, RULES).getData().get("values.yaml");
        for (JsonNode rule : RenderedChart.YAML.readTree(values).path("rules").path("external")) {
            if (rule.path("name").path("as").asText().equals(metric)) {
                return rule;
            }
        }
        throw new AssertionError("no external rule publishes " + metric);
    }
}
