package com.groupbuy.stack;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A real Prometheus server (Debian's package, fetched by {@code bin/debian-tool} where the machine has none) that
 * scrapes processes of the local stack every second, labelled as the chart's pods are ({@code namespace},
 * {@code pod}), so the chart's own queries can be evaluated against live metrics.
 */
final class LocalPrometheus implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final int port;

    private LocalPrometheus(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts Prometheus scraping each target ({@code pod name -> base url}) in namespace {@code local}, with the
     * {@code component} label the chart's ServiceMonitor gives (the pod name without a copy's number).
     */
    static LocalPrometheus scraping(Map<String, String> targets, Path directory)
            throws IOException, InterruptedException {
        return scraping(targets, directory, null);
    }

    /** The same, evaluating the rule groups of {@code ruleFile} (Prometheus's rule file format) every second. */
    static LocalPrometheus scraping(Map<String, String> targets, Path directory, String ruleFile)
            throws IOException, InterruptedException {
        Files.createDirectories(directory);
        String scrapeConfigs = targets.entrySet().stream().map(target -> """
                  - job_name: %s
                    metrics_path: /actuator/prometheus
                    static_configs:
                      - targets: ["%s"]
                        labels: {namespace: local, pod: %s, component: %s}
                """.formatted(target.getKey(), URI.create(target.getValue()).getAuthority(), target.getKey(),
                        target.getKey().replaceFirst("-\\d+$", "")))
                .collect(Collectors.joining());
        String rules = "";
        if (ruleFile != null) {
            Files.writeString(directory.resolve("rules.yml"), ruleFile);
            rules = "rule_files: [\"" + directory.resolve("rules.yml").toAbsolutePath() + "\"]\n";
        }
        Path config = directory.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                """ + rules + """
                scrape_configs:
                """ + scrapeConfigs);
        int port = FreePorts.next();
        Process process = new ProcessBuilder(List.of(ROOT.resolve("bin/debian-tool").toString(), "prometheus",
                "prometheus", "--config.file=" + config, "--storage.tsdb.path=" + directory.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port))
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("prometheus.log").toFile())
                .start();
        LocalPrometheus prometheus = new LocalPrometheus(process, port);
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!prometheus.ready()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                prometheus.close();
                throw new IllegalStateException("Prometheus did not start: "
                        + Files.readString(directory.resolve("prometheus.log")));
            }
            Thread.sleep(250);
        }
        return prometheus;
    }

    /**
     * The query a prometheus-adapter rule of the chart runs for {@code metric}: its {@code metricsQuery} with the
     * series and the label matchers filled in as the adapter fills them for an external metric.
     */
    static String adapterQuery(String metric, String labelMatchers) throws IOException {
        String rules = Files.readString(ROOT.resolve("helm/groupbuy/templates/prometheus-adapter-rules.yaml"));
        Matcher rule = Pattern.compile("\"seriesQuery\" \\(printf \"" + Pattern.quote(metric)
                + "\\{[^\\n]*\\n(?:[^\\n]*\\n)*?\\s*\"metricsQuery\" \"([^\"]+)\"").matcher(rules);
        if (!rule.find()) {
            throw new IllegalStateException("no prometheus-adapter rule for " + metric + " in the chart");
        }
        return rule.group(1).replace("<<.Series>>", metric).replace("<<.LabelMatchers>>", labelMatchers);
    }

    /** The value of an instant query with one result; empty when it has none. */
    OptionalDouble query(String promql) throws IOException, InterruptedException {
        JsonNode answer = get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
        JsonNode result = answer.path("data").path("result");
        if (result.isEmpty()) {
            return OptionalDouble.empty();
        }
        if (result.size() > 1) {
            throw new AssertionError(promql + " has " + result.size() + " results: " + result);
        }
        return OptionalDouble.of(Double.parseDouble(result.get(0).path("value").get(1).asString()));
    }

    /** The scrape targets by job, with their {@code health} ({@code up}, {@code down}) and {@code lastError}. */
    List<JsonNode> targets() throws IOException, InterruptedException {
        List<JsonNode> targets = new ArrayList<>();
        get("/api/v1/targets").path("data").path("activeTargets").forEach(targets::add);
        return targets;
    }

    /** Every rule of the loaded rule files as Prometheus evaluates them: name, health, lastError, state. */
    List<JsonNode> rules() throws IOException, InterruptedException {
        List<JsonNode> rules = new ArrayList<>();
        get("/api/v1/rules").path("data").path("groups").forEach(group -> group.path("rules").forEach(rules::add));
        return rules;
    }

    /** The state of an alerting rule: {@code inactive}, {@code pending} (its expression is true) or {@code firing}. */
    String alertState(String alert) throws IOException, InterruptedException {
        return rules().stream().filter(rule -> rule.path("name").asString().equals(alert)).findFirst()
                .orElseThrow(() -> new AssertionError("no alert " + alert + " is loaded"))
                .path("state").asString();
    }

    private boolean ready() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/-/ready")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("Prometheus answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
