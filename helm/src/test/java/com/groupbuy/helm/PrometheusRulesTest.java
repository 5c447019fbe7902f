package com.groupbuy.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The chart's PrometheusRule, taken out of its custom resource into a plain rule file, checked by promtool (the
 * PromQL of every rule parses, every template renders) and run through the unit tests of
 * src/test/resources/prometheus/rules-test.yaml (series in, alerts out).
 */
class PrometheusRulesTest {

    private static final Path OUTPUT = Path.of("target", "prometheus");
    private static final Path UNIT_TESTS = Path.of("src", "test", "resources", "prometheus", "rules-test.yaml");

    @ParameterizedTest
    @EnumSource(ValueSet.class)
    void every_rule_passes_promtool_check_rules(ValueSet values) throws IOException {
        Path rules = ruleFile(values, values.name().toLowerCase(Locale.ROOT) + "-rules.yaml");

        Promtool.Run check = Promtool.run("check", "rules", rules.toString());

        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).containsPattern("SUCCESS: \\d+ rules found");
    }

    @Test
    void the_alerts_fire_on_the_series_that_should_fire_them_and_stay_quiet_otherwise() throws IOException {
        ruleFile(ValueSet.DEFAULTS, "rules.yaml");
        Path tests = Files.copy(UNIT_TESTS, OUTPUT.resolve("rules-test.yaml"), StandardCopyOption.REPLACE_EXISTING);

        Promtool.Run test = Promtool.run("test", "rules", tests.toString());

        assertThat(test.exitCode()).as(test.output()).isZero();
        assertThat(test.output()).contains("SUCCESS");
    }

    @Test
    void the_compose_stacks_prometheus_configuration_passes_promtool_check_config() {
        Promtool.Run check = Promtool.run("check", "config", Path.of("..", "docker", "prometheus", "prometheus.yml")
                .toString());

        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains("SUCCESS");
    }

    @Test
    void every_query_of_the_dashboard_is_valid_promql() throws IOException {
        JsonNode board = RenderedChart.YAML.readTree(GroupbuyChart.DIRECTORY.resolve("dashboards/groupbuy.json").toFile());
        ArrayNode rules = RenderedChart.YAML.createArrayNode();
        board.path("panels").forEach(panel -> panel.path("targets").forEach(target -> rules.addObject()
                .put("record", "dashboard:panel_" + panel.path("id").asInt() + "_" + target.path("refId").asText())
                .put("expr", target.path("expr").asText()
                        .replace("$namespace", ".*").replace("$__rate_interval", "1m"))));
        ObjectNode file = RenderedChart.YAML.createObjectNode();
        file.putArray("groups").addObject().put("name", "dashboard").set("rules", rules);
        Path path = OUTPUT.resolve("dashboard-queries.yaml");
        Files.createDirectories(OUTPUT);
        RenderedChart.YAML.writeValue(path.toFile(), file);

        Promtool.Run check = Promtool.run("check", "rules", path.toString());

        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).contains("SUCCESS: " + rules.size() + " rules found");
        assertThat(rules.size()).isGreaterThan(20);
    }

    /** The rendered PrometheusRule's groups as a Prometheus rule file in target/prometheus. */
    private static Path ruleFile(ValueSet values, String name) throws IOException {
        JsonNode spec = GroupbuyChart.render(values).get("PrometheusRule", GroupbuyChart.RELEASE).tree().path("spec");
        ObjectNode file = RenderedChart.YAML.createObjectNode();
        file.set("groups", spec.path("groups"));
        Files.createDirectories(OUTPUT);
        Path path = OUTPUT.resolve(name);
        RenderedChart.YAML.writeValue(path.toFile(), file);
        return path;
    }
}
