package com.groupbuy.stack.bench;

import com.groupbuy.command.flashsale.gate.Admission;
import com.groupbuy.command.flashsale.gate.FlashSaleGate;
import com.groupbuy.stack.LocalStack;
import com.groupbuy.stack.StackClient;
import com.groupbuy.stack.StackOptions;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bin/benchmark flash-sale [buyers] [units] [connections]}: a flash-sale burst at the api. Every buyer
 * (its own user, so the per-user rate limit never refuses anyone) tries once to buy one unit; the harness measures
 * admission decisions per second at the api (202 admitted, 409 refused), the latency of those answers, and then
 * checks that the sale sold exactly the units it had. In the same run it drives the same admission script
 * ({@link FlashSaleGate}) from a plain Redisson client with as many concurrent calls, for the raw rate of the gate
 * the HTTP path is compared with. Starts its own stack; prints a Markdown summary.
 */
public final class FlashSaleBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern ADMISSIONS = Pattern.compile(
            "^groupbuy_flash_sale_admissions_total\\{[^}]*decision=\"(\\w+)\"[^}]*} ([0-9.E+]+)$", Pattern.MULTILINE);

    private final LocalStack stack;
    private final StackClient client = new StackClient();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String admin;
    private final Map<String, Integer> quantities = new java.util.concurrent.ConcurrentHashMap<>();

    private FlashSaleBenchmark(LocalStack stack) throws Exception {
        this.stack = stack;
        this.admin = client.devToken(stack.apiUrl(), "bench-admin", "admin");
    }

    /** The answers of one burst: status and latency (µs) per attempt, and the wall time of the burst. */
    record Burst(int[] statuses, long[] latenciesMicros, double seconds) {

        long count(int status) {
            return Arrays.stream(statuses).filter(s -> s == status).count();
        }

        double rate() {
            return statuses.length / seconds;
        }

        double percentileMillis(int status, int p) {
            long[] sorted = java.util.stream.IntStream.range(0, statuses.length)
                    .filter(i -> status == 0 || statuses[i] == status)
                    .mapToLong(i -> latenciesMicros[i]).sorted().toArray();
            if (sorted.length == 0) {
                return Double.NaN;
            }
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1000.0;
        }
    }

    public static void main(String[] args) throws Exception {
        int buyers = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int units = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int connections = args.length > 2 ? Integer.parseInt(args[2]) : 128;
        Path logs = Path.of("target", "bench-logs", "flash-sale");
        try (LocalStack stack = LocalStack.start(StackOptions.forBenchmark(logs, 1))) {
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "benchmark-shutdown"));
            new FlashSaleBenchmark(stack).run(buyers, units, connections);
        }
    }

    private void run(int buyers, int units, int connections) throws Exception {
        String product = "FLASH-BENCH";
        StackClient.Response registered = client.post(stack.apiUrl() + "/api/v1/products", admin, Map.of(
                "sku", product, "name", "Flash bench tea", "category", "bench", "priceCents", 500,
                "initialStock", 1_000_000));
        require(registered.status() == 201, "could not register the product: " + registered);

        int warmUpBuyers = Math.max(1_000, buyers / 10);
        System.err.printf("minting %d customer tokens…%n", warmUpBuyers + buyers);
        List<String> warmUpTokens = tokens("warm", warmUpBuyers, connections);
        List<String> tokens = tokens("buyer", buyers, connections);

        System.err.println("warming up the api and the raw client…");
        burst(schedule(product, Math.max(1, units / 10)), warmUpTokens, connections);
        try (RawGate raw = new RawGate(stack.infrastructure().redisUrl())) {
            raw.burst(warmUpBuyers, Math.max(1, units / 10), connections);
            awaitQuiet();

            System.err.println("measuring…");
            Map<String, Double> before = admissionCounters();
            String sale = schedule(product, units);
            CpuLedger cpu = new CpuLedger(client, stack.processUrls());
            CpuLedger.Sample cpuBefore = cpu.sample();
            Burst overHttp = burst(sale, tokens, connections);
            CpuLedger.Sample cpuAfter = cpu.sample();
            Map<String, Double> after = admissionCounters();
            Burst direct = raw.burst(buyers, units, connections);

            Outcome outcome = outcomeOf(sale, overHttp.count(202));
            report(buyers, units, connections, overHttp, direct, before, after, outcome);
            reportCpu(cpuBefore, cpuAfter, overHttp);
        }
    }

    private String schedule(String sku, int units) throws Exception {
        StackClient.Response created = client.post(stack.apiUrl() + "/api/v1/flash-sales", admin, Map.of(
                "sku", sku, "priceCents", 199, "quantity", units, "perUserLimit", 1,
                "startsAt", Instant.now().minusSeconds(1).toString(),
                "endsAt", Instant.now().plus(Duration.ofHours(1)).toString()));
        require(created.status() == 201, "could not schedule a sale: " + created);
        String sale = created.body().get("flashSaleId").asString();
        quantities.put(sale, units);
        return sale;
    }

    private List<String> tokens(String prefix, int count, int connections) throws Exception {
        String[] tokens = new String[count];
        AtomicInteger next = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(connections, 32))) {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < Math.min(connections, 32); t++) {
                running.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        tokens[i] = client.devToken(stack.apiUrl(), prefix + "-" + UUID.randomUUID(), "customer");
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        }
        return List.of(tokens);
    }

    /** Every token buys one unit once, over {@code connections} concurrent HTTP connections. */
    private Burst burst(String sale, List<String> tokens, int connections) throws Exception {
        URI uri = URI.create(stack.apiUrl() + "/api/v1/flash-sales/" + sale + "/orders");
        int[] statuses = new int[tokens.size()];
        long[] latencies = new long[tokens.size()];
        AtomicInteger next = new AtomicInteger();
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                running.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < tokens.size(); i = next.getAndIncrement()) {
                        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/json")
                                .header("Authorization", "Bearer " + tokens.get(i))
                                .POST(HttpRequest.BodyPublishers.ofString("{\"quantity\":1}")).build();
                        long sent = System.nanoTime();
                        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                        latencies[i] = (System.nanoTime() - sent) / 1_000;
                        statuses[i] = response.statusCode();
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        }
        return new Burst(statuses, latencies, (System.nanoTime() - started) / 1e9);
    }

    /** The gate's script from a plain Redisson client configured as the api's, on its own sale. */
    private static final class RawGate implements AutoCloseable {

        private final RedissonClient redisson;
        private final FlashSaleGate gate;

        RawGate(String redisUrl) {
            Config config = new Config();
            config.setUseScriptCache(true);
            config.useSingleServer().setAddress(redisUrl).setConnectionPoolSize(64).setConnectionMinimumIdleSize(8);
            this.redisson = Redisson.create(config);
            this.gate = new FlashSaleGate(redisson);
        }

        Burst burst(int buyers, int units, int concurrency) throws Exception {
            String sale = "raw-" + UUID.randomUUID();
            Instant now = Instant.now();
            gate.open(sale, "RAW", now.minusSeconds(1), now.plus(Duration.ofHours(1)), null, 1, units);
            int[] statuses = new int[buyers];
            long[] latencies = new long[buyers];
            AtomicInteger next = new AtomicInteger();
            long started = System.nanoTime();
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> running = new ArrayList<>();
                for (int c = 0; c < concurrency; c++) {
                    running.add(pool.submit(() -> {
                        for (int i = next.getAndIncrement(); i < buyers; i = next.getAndIncrement()) {
                            long sent = System.nanoTime();
                            Admission admission = gate.admit(sale, UUID.randomUUID().toString(), "raw-user-" + i, 1,
                                    Instant.now());
                            latencies[i] = (System.nanoTime() - sent) / 1_000;
                            statuses[i] = admission.admitted() ? 202 : 409;
                        }
                        return null;
                    }));
                }
                for (Future<?> f : running) {
                    f.get();
                }
            }
            return new Burst(statuses, latencies, (System.nanoTime() - started) / 1e9);
        }

        @Override
        public void close() {
            redisson.shutdown();
        }
    }

    /** What the sale and the read side say after the burst, once the workers have processed every admission. */
    record Outcome(int reservedUnits, int confirmedOrders, int rejectedOrders, int saleRemaining, int gateRemaining,
                   int queryRemaining, double settledAfterSeconds) {
    }

    private Outcome outcomeOf(String sale, long admitted) throws Exception {
        long started = System.nanoTime();
        long deadline = started + Duration.ofMinutes(5).toNanos();
        String customer = client.devToken(stack.queryUrl(), "bench-reader", "customer");
        int[] events = saleAndOrderEvents(sale);
        int queryRemaining = -1;
        while (System.nanoTime() < deadline) {
            events = saleAndOrderEvents(sale);
            queryRemaining = client.get(stack.queryUrl() + "/api/v1/flash-sales/" + sale, customer).body()
                    .path("remaining").asInt(-1);
            boolean allDecided = events[3] >= admitted && events[1] + events[2] >= events[3];
            if (allDecided && queryRemaining == units(sale) - events[0]) {
                break;
            }
            Thread.sleep(500);
        }
        double settled = (System.nanoTime() - started) / 1e9;
        JsonNode report = client.post(stack.apiUrl() + "/api/v1/flash-sales/" + sale + "/reconciliation", admin,
                Map.of()).body();
        return new Outcome(events[0], events[1], events[2], report.path("saleRemaining").asInt(-1),
                report.path("gateRemaining").asInt(-1), queryRemaining, settled);
    }

    private int units(String sale) {
        return quantities.get(sale);
    }

    /** Units reserved on the sale, and its orders confirmed, rejected and placed, from the event store. */
    private int[] saleAndOrderEvents(String sale) throws Exception {
        String url = stack.infrastructure().jdbcUrl("eventstore");
        try (Connection db = DriverManager.getConnection(url, stack.infrastructure().jdbcUsername(),
                stack.infrastructure().jdbcPassword());
             PreparedStatement query = db.prepareStatement("""
                     SELECT
                       (SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?
                           AND payloadtype LIKE '%FlashSaleUnitsReserved'),
                       (SELECT count(*) FROM domainevententry e WHERE e.payloadtype LIKE '%OrderConfirmed'
                           AND convert_from(e.payload, 'UTF8') LIKE ?),
                       (SELECT count(*) FROM domainevententry e WHERE e.payloadtype LIKE '%OrderRejected'
                           AND convert_from(e.payload, 'UTF8') LIKE ?),
                       (SELECT count(*) FROM domainevententry e WHERE e.payloadtype LIKE '%OrderPlaced'
                           AND convert_from(e.payload, 'UTF8') LIKE ?)""")) {
            String mentions = "%" + sale + "%";
            query.setString(1, sale);
            query.setString(2, mentions);
            query.setString(3, mentions);
            query.setString(4, mentions);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return new int[] {row.getInt(1), row.getInt(2), row.getInt(3), row.getInt(4)};
            }
        }
    }

    private Map<String, Double> admissionCounters() throws Exception {
        Map<String, Double> counters = new java.util.TreeMap<>();
        Matcher m = ADMISSIONS.matcher(client.getText(stack.apiUrl() + "/actuator/prometheus"));
        while (m.find()) {
            counters.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        return counters;
    }

    /** Lets the warm-up's orders drain through the workers and projections before measuring. */
    private void awaitQuiet() throws InterruptedException {
        Thread.sleep(Duration.ofSeconds(10));
    }

    private void report(int buyers, int units, int connections, Burst overHttp, Burst direct,
                        Map<String, Double> before, Map<String, Double> after, Outcome outcome) {
        StringBuilder decisions = new StringBuilder();
        after.forEach((decision, count) -> {
            double delta = count - before.getOrDefault(decision, 0.0);
            if (delta > 0) {
                decisions.append(decisions.isEmpty() ? "" : ", ").append(decision).append(' ')
                        .append((long) delta);
            }
        });
        long otherStatuses = overHttp.statuses().length - overHttp.count(202) - overHttp.count(409);
        System.out.printf("""

                ## Flash-sale burst: %,d buyers, %,d units, %d concurrent connections
                | path | decisions | per s | admitted | refused | other | p50 | p99 | p50 202 | p99 202 | p50 409 | p99 409 |
                |---|---|---|---|---|---|---|---|---|---|---|---|
                | HTTP (api) | %,d | %,.0f | %d | %d | %d | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f ms | %.1f ms |
                | raw script (Redisson) | %,d | %,.0f | %d | %d | 0 | %.2f ms | %.2f ms | | | | |

                HTTP path / raw: %.0f %%. The api's `groupbuy_flash_sale_admissions_total` moved by: %s.

                ## Units sold vs units available (sale of %,d units), %.1f s after the burst
                | units reserved on the sale | orders confirmed | orders rejected | sale remaining | gate remaining | query-side remaining |
                |---|---|---|---|---|---|
                | %d | %d | %d | %d | %d | %d |
                """, buyers, units, connections,
                overHttp.statuses().length, overHttp.rate(), overHttp.count(202), overHttp.count(409), otherStatuses,
                overHttp.percentileMillis(0, 50), overHttp.percentileMillis(0, 99),
                overHttp.percentileMillis(202, 50), overHttp.percentileMillis(202, 99),
                overHttp.percentileMillis(409, 50), overHttp.percentileMillis(409, 99),
                direct.statuses().length, direct.rate(), direct.count(202), direct.count(409),
                direct.percentileMillis(0, 50), direct.percentileMillis(0, 99),
                100 * overHttp.rate() / direct.rate(), decisions,
                units, outcome.settledAfterSeconds(), outcome.reservedUnits(), outcome.confirmedOrders(),
                outcome.rejectedOrders(), outcome.saleRemaining(), outcome.gateRemaining(), outcome.queryRemaining());
        if (outcome.reservedUnits() > units || overHttp.count(202) > units) {
            System.out.println("\n**OVERSOLD**: more units left the sale than it had.");
        }
    }

    private static void reportCpu(CpuLedger.Sample before, CpuLedger.Sample after, Burst burst) {
        CpuLedger.Spent spent = CpuLedger.between(before, after);
        System.out.printf("""

                ## CPU during the HTTP burst (%.1f s wall, %d cores; CPU seconds)
                %s
                %s
                api CPU per decision: %.2f ms
                """, burst.seconds(), Runtime.getRuntime().availableProcessors(), spent.header(), spent.row(),
                1000 * spent.processSeconds().get("api") / burst.statuses().length);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
