package com.groupbuy.stack.bench;

import com.groupbuy.stack.LocalStack;
import com.groupbuy.stack.StackClient;
import com.groupbuy.stack.StackOptions;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code bin/benchmark rebuild [orders] [projections]}: how fast read models are rebuilt from Kafka, and how fast
 * the analyst queries answer on the result. Starts Kafka, PostgreSQL, Redis, the projections process (with no
 * live consumers, so each rebuild has the machine to itself) and the query side; writes the history of
 * {@code orders} orders (default 1,000,000) straight to the event topics ({@link EventStream}); rebuilds each
 * projection through its admin endpoint (with an admin's dev token from the query side) and reads the rate from
 * the rebuild's status; then times each analyst query. Prints a Markdown summary.
 */
public final class RebuildBenchmark {

    private static final int QUERY_RUNS = 200;
    private static final int WARM_UP_RUNS = 20;

    private final LocalStack stack;
    private final StackClient client = new StackClient();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private RebuildBenchmark(LocalStack stack) {
        this.stack = stack;
    }

    public static void main(String[] args) throws Exception {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        List<String> projections = Arrays.asList((args.length > 1 ? args[1]
                : "sales,orders,coupons,catalog,product-cache").split(","));
        Path logs = Path.of("target", "bench-logs", "rebuild");
        try (LocalStack stack = LocalStack.startReadSide(StackOptions.forBenchmark(logs, 0),
                List.of("--groupbuy.projections.run=none"))) {
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "benchmark-shutdown"));
            RebuildBenchmark bench = new RebuildBenchmark(stack);
            bench.generate(orders);
            System.out.printf("""

                    ## Rebuilds from offset 0 (%,d orders)
                    | projection | store | records read | seconds | records/s | rows/keys rebuilt | load (1-min avg) before → after |
                    |---|---|---|---|---|---|---|
                    """, orders);
            for (String projection : projections) {
                bench.rebuild(projection);
            }
            bench.queries(projections);
        }
    }

    private void generate(int orders) throws Exception {
        Instant started = Instant.now();
        Map<String, Long> perTopic;
        try (EventStream stream = new EventStream(stack.infrastructure().kafkaBootstrapServers())) {
            perTopic = stream.write(orders);
        }
        double seconds = seconds(started, Instant.now());
        long total = perTopic.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf("""

                ## Events written to Kafka
                %,d event records (%s) in %.1f s (%,.0f records/s), load %s
                """, total, new TreeMap<>(perTopic), seconds, total / seconds, load());
    }

    private void rebuild(String projection) throws Exception {
        String url = stack.projectionsUrl() + "/admin/projections/" + projection + "/rebuild";
        String admin = client.devToken(stack.queryUrl(), "bench-admin", "admin");
        String loadBefore = load();
        StackClient.Response started = client.postRaw(url, admin, "");
        if (started.status() != 202) {
            throw new IllegalStateException("rebuild of " + projection + " answered " + started);
        }
        JsonNode status;
        do {
            Thread.sleep(1_000);
            status = client.get(url, admin).body();
        } while ("RUNNING".equals(status.get("state").asString()));
        if (!"DONE".equals(status.get("state").asString())) {
            throw new IllegalStateException("rebuild of " + projection + " failed: " + status);
        }
        double seconds = seconds(Instant.parse(status.get("startedAt").asString()),
                Instant.parse(status.get("finishedAt").asString()));
        long read = status.get("recordsRead").asLong();
        System.out.printf("| %s | %s | %,d | %.1f | %,.0f | %,d | %s → %s |%n", projection,
                status.get("store").asString(), read, seconds, read / seconds,
                status.get("rebuiltChecksum").get("rows").asLong(), loadBefore, load());
    }

    /** The analyst queries whose read models were rebuilt (the others have no rows to read). */
    private void queries(List<String> rebuilt) throws Exception {
        String token = client.devToken(stack.queryUrl(), "bench-analyst", "analyst");
        String sales = stack.queryUrl() + "/api/v1/analytics/sales";
        Map<String, String> queries = new java.util.LinkedHashMap<>();
        if (rebuilt.contains("sales")) {
            salesQueries(queries, sales);
        }
        if (rebuilt.contains("coupons")) {
            queries.put("coupon campaign performance", stack.queryUrl() + "/api/v1/analytics/coupon-campaigns/"
                    + EventStream.campaign(3));
        }
        time(queries, token);
    }

    private static void salesQueries(Map<String, String> queries, String sales) {
        queries.put("sales by hour, one day, all SKUs (page of 1000)",
                sales + "?from=2026-01-20&to=2026-01-21&bucket=hour");
        queries.put("sales by hour, 31 days, one SKU", sales + "?from=2026-01-10&to=2026-02-10&bucket=hour&sku="
                + EventStream.sku(17));
        queries.put("sales by day, 60 days, all SKUs (page of 1000)", sales + "?from=2026-01-01&to=2026-03-02&bucket=day");
        queries.put("sales by day, 60 days, one SKU", sales + "?from=2026-01-01&to=2026-03-02&bucket=day&sku="
                + EventStream.sku(17));
        queries.put("sales by day, 60 days, all SKUs, as CSV (12,000 rows)",
                sales + "?from=2026-01-01&to=2026-03-02&bucket=day&format=csv");
    }

    private void time(Map<String, String> queries, String token) throws Exception {
        System.out.printf("""

                ## Analyst queries on the rebuilt read models (%d runs each after %d warm-up, one client)
                | query | answer | p50 | p95 | max |
                |---|---|---|---|---|
                """, QUERY_RUNS, WARM_UP_RUNS);
        for (Map.Entry<String, String> query : queries.entrySet()) {
            List<Long> micros = new ArrayList<>();
            int bytes = 0;
            for (int i = 0; i < WARM_UP_RUNS + QUERY_RUNS; i++) {
                long start = System.nanoTime();
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(query.getValue()))
                        .header("Authorization", "Bearer " + token).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                long took = (System.nanoTime() - start) / 1_000;
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException(query.getKey() + " answered " + answer.statusCode() + " "
                            + answer.body());
                }
                if (i >= WARM_UP_RUNS) {
                    micros.add(took);
                }
                bytes = answer.body().length();
            }
            Collections.sort(micros);
            System.out.printf("| %s | %,d bytes | %.1f ms | %.1f ms | %.1f ms |%n", query.getKey(), bytes,
                    percentile(micros, 50) / 1000.0, percentile(micros, 95) / 1000.0, micros.getLast() / 1000.0);
        }
        System.out.println("\nload after the queries: " + load());
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }

    private static double seconds(Instant from, Instant to) {
        return Math.max(1, Duration.between(from, to).toMillis()) / 1000.0;
    }

    private static double percentile(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
