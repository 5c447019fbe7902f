package com.groupbuy.stack;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What operators see of the processes apart: JSON log lines that follow one order's trace through the api, a worker
 * and the projections; build and git facts at {@code /actuator/info}; Axon's metrics; and, on a real Prometheus
 * scraping the stack, the chart's own request-rate rule and alert rules against live metrics.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ObservabilityIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path LOGS = Path.of(System.getProperty("groupbuy.stack.logs", "target/stack-logs"),
            "observability");
    /** The chart's request-rate window shortened so that a load step of seconds shows in full. */
    private static final String RATE_WINDOW = "10s";

    private static LocalStack stack;
    private static LocalPrometheus prometheus;
    private static RenderedChart chart;
    private static final StackClient client = new StackClient();

    @BeforeAll
    static void startStack() throws Exception {
        stack = LocalStack.start(StackOptions.forTests(LOGS).withArguments(
                "--logging.structured.format.console=ecs",
                "--logging.level.com.groupbuy.command.order.queue=debug",
                "--logging.level.com.groupbuy.projections.consumer.AppliedRecordTraces=debug"));
        chart = RenderedChart.render(Map.of("autoscaling.requestRateWindow", RATE_WINDOW));
        prometheus = LocalPrometheus.scraping(stack.processUrls(), Path.of("target", "prometheus-observability"),
                chart.prometheusRuleFile());
    }

    @AfterAll
    static void stopStack() {
        if (prometheus != null) {
            prometheus.close();
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(0)
    void prometheus_scrapes_every_process() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(prometheus.targets())
                .hasSize(stack.processUrls().size())
                .allSatisfy(target -> assertThat(target.path("health").asString())
                        .as(target.path("labels").path("pod").asString() + ": " + target.path("lastError").asString())
                        .isEqualTo("up")));
    }

    @Test
    @Order(1)
    void one_trace_follows_an_order_from_the_http_request_through_queue_worker_and_relay_to_the_projections()
            throws Exception {
        String admin = client.devToken(stack.apiUrl(), "trace-admin", "admin");
        String sku = "TRACE-" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(client.post(stack.apiUrl() + "/api/v1/products", admin, Map.of("sku", sku, "name", "Traced tea",
                "category", "tea", "priceCents", 300, "initialStock", 5)).status()).isEqualTo(201);
        String customer = client.devToken(stack.apiUrl(), "trace-user", "customer");
        String traceId = randomHex(16);

        StackClient.Response placed = client.post(stack.apiUrl() + "/api/v1/orders", customer,
                Map.of("traceparent", "00-" + traceId + "-" + randomHex(8) + "-01"),
                Map.of("items", List.of(Map.of("sku", sku, "quantity", 1))));
        assertThat(placed.status()).isEqualTo(202);
        String orderId = placed.body().get("orderId").asString();

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(linesOfTrace("api", traceId)).as("api log lines of trace " + traceId)
                    .anySatisfy(line -> assertThat(line.path("message").asString())
                            .isEqualTo("order " + orderId + " queued"));
            assertThat(linesOfTrace("worker", traceId)).as("worker log lines of trace " + traceId)
                    .anySatisfy(line -> assertThat(line.path("message").asString())
                            .startsWith("order " + orderId + " taken from groupbuy.orders.requests"));
            assertThat(linesOfTrace("projections", traceId)).as("projections log lines of trace " + traceId)
                    .anySatisfy(line -> assertThat(line.path("message").asString())
                            .contains(" applied " + orderId + " from groupbuy.events."));
        });
        assertThat(linesOfTrace("worker", traceId)).allSatisfy(line -> assertThat(line.path("spanId").asString())
                .as("the worker's own span").matches("[0-9a-f]{16}"));
    }

    @Test
    @Order(2)
    void every_process_tells_its_build_and_commit_at_actuator_info() throws Exception {
        Map<String, String> artifacts = Map.of("api", "command-side", "worker", "command-side",
                "projections", "projections", "query-side", "query-side");
        for (var process : stack.processUrls().entrySet()) {
            JsonNode info = JSON.readTree(client.getText(process.getValue() + "/actuator/info"));

            assertThat(info.path("build").path("artifact").asString()).as(process.getKey())
                    .isEqualTo(artifacts.get(process.getKey()));
            assertThat(info.path("build").path("version").asString()).as(process.getKey()).endsWith("-SNAPSHOT");
            String commit = info.path("git").path("commit").path("id").asString();
            assertThat(commit).as(process.getKey() + ": " + info).matches("[0-9a-f]{7,40}");
            assertThat(git("cat-file", "-t", commit)).as("a commit of this repository").isEqualTo("commit");
        }
    }

    @Test
    @Order(3)
    void axon_reports_its_message_metrics_per_bus_and_event_processor_on_prometheus() throws Exception {
        String metrics = client.getText(stack.workerUrl() + "/actuator/prometheus");

        List<String> samples = metrics.lines().filter(line -> !line.startsWith("#")).toList();
        assertThat(samples.stream().map(ObservabilityIT::metricName).distinct())
                .as("Axon's metric families on the worker")
                .contains("commandBus_successCounter_total", "commandBus_successTimer_seconds_count",
                        "eventProcessor_processedCounter_total", "eventProcessor_failureCounter_total");
        List<String> relayed = Stream.concat(samples.stream(),
                        client.getText(stack.apiUrl() + "/actuator/prometheus").lines())
                .filter(line -> line.startsWith("eventProcessor_processedCounter_total{")
                        && line.contains("processorName=\"kafka-relay\""))
                .toList();
        assertThat(relayed).as("the relay's series, on whichever of api and worker holds its segments")
                .isNotEmpty()
                .anySatisfy(line -> assertThat(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                        .isPositive());
        assertThat(samples).as("no series per message type, no client-side percentiles (AxonMeters)")
                .noneMatch(line -> line.contains("payloadType=") || line.startsWith("eventProcessor_latency")
                        || (line.startsWith("commandBus_") && line.contains("quantile=")));
    }

    /**
     * The chart's prometheus-adapter query for the api's requests per second, evaluated by Prometheus against the
     * live api: about nothing before a load step, the applied rate during it.
     */
    @Test
    @Order(4)
    void the_charts_requests_per_second_query_follows_a_load_step_on_the_api() throws Exception {
        String query = chart.requestsPerSecondQuery("api");
        assertThat(query).contains("[" + RATE_WINDOW + "]", "uri!~\"/actuator.*\"");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(valueOf(query)).as(query).isLessThan(0.5));

        int perSecond = 10;
        List<Double> duringStep = new ArrayList<>();
        ScheduledExecutorService load = Executors.newScheduledThreadPool(2);
        try {
            load.scheduleAtFixedRate(() -> {
                try {
                    client.devToken(stack.apiUrl(), "load-user", "customer");
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }, 0, 1000 / perSecond, TimeUnit.MILLISECONDS);
            Thread.sleep(Duration.ofSeconds(12));
            for (int i = 0; i < 8; i++) {
                duringStep.add(valueOf(query));
                Thread.sleep(500);
            }
        } finally {
            load.shutdownNow();
        }

        assertThat(duringStep).as(query + " during a step of " + perSecond + " requests/s")
                .allSatisfy(rate -> assertThat(rate).isBetween(perSecond * 0.75, perSecond * 1.25));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(valueOf(query)).as(query + " after the step").isLessThan(0.5));
    }

    /**
     * The chart's recording rules and alerts, loaded into the real Prometheus, evaluate without error against live
     * metrics; the order-queue wait alert's expression is true while the workers are stopped and orders wait, and
     * false once they are back.
     */
    @Test
    @Order(5)
    void the_charts_alert_rules_evaluate_on_live_metrics_and_the_queue_wait_alert_follows_stopped_workers()
            throws Exception {
        String alert = "GroupbuyOrderQueueAgeHigh";
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<JsonNode> rules = prometheus.rules();
            assertThat(rules).as("the chart's rules").hasSizeGreaterThan(20);
            assertThat(rules).allSatisfy(rule -> assertThat(rule.path("health").asString())
                    .as(rule.path("name").asString() + ": " + rule.path("lastError").asString()).isEqualTo("ok"));
        });
        assertThat(prometheus.alertState(alert)).isEqualTo("inactive");

        String customer = client.devToken(stack.apiUrl(), "waiting-user", "customer");
        stack.process("worker").close();
        for (int i = 0; i < 5; i++) {
            assertThat(client.post(stack.apiUrl() + "/api/v1/orders", customer,
                    Map.of("items", List.of(Map.of("sku", "ANY-SKU", "quantity", 1)))).status()).isEqualTo(202);
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(prometheus.alertState(alert)).as("orders wait, no worker").isIn("pending", "firing"));

        stack.process("worker").launch();
        stack.process("worker").awaitReady(Duration.ofMinutes(2));
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                assertThat(prometheus.alertState(alert)).as("the workers are back").isEqualTo("inactive"));
        assertThat(prometheus.rules()).allSatisfy(rule -> assertThat(rule.path("health").asString())
                .as(rule.path("name").asString()).isEqualTo("ok"));
    }

    /** The log lines of a process that carry {@code traceId}; every line of its log must be a JSON object. */
    private static List<JsonNode> linesOfTrace(String process, String traceId) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(LOGS.resolve(process + ".log"))) {
            assertThat(line).as(process + ".log").startsWith("{").endsWith("}");
            JsonNode json = JSON.readTree(line);
            if (traceId.equals(json.path("traceId").asString())) {
                lines.add(json);
            }
        }
        return lines;
    }

    private static double valueOf(String promql) throws IOException, InterruptedException {
        OptionalDouble value = prometheus.query(promql);
        return value.orElse(0);
    }

    private static String metricName(String line) {
        int end = line.indexOf('{');
        return end < 0 ? line.substring(0, line.indexOf(' ')) : line.substring(0, end);
    }

    private static String git(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", Path.of("..").toAbsolutePath().toString()));
        command.addAll(List.of(arguments));
        Process git = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(git.getInputStream().readAllBytes()).strip();
        git.waitFor(10, TimeUnit.SECONDS);
        return out;
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
