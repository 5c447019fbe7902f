package com.groupbuy.stack.bench;

import com.groupbuy.command.flashsale.gate.Admission;
import com.groupbuy.command.flashsale.gate.FlashSaleGate;
import com.groupbuy.command.infrastructure.ratelimit.RateLimit;
import com.groupbuy.platform.redis.RedisClientSizing;
import com.groupbuy.stack.LocalStack;
import com.groupbuy.stack.StackClient;
import com.groupbuy.stack.StackOptions;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.config.Config;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
 * {@code bin/benchmark flash-sale [buyers] [units] [connections] [both|oneshot|retrying]}: flash-sale bursts at
 * the api. In the one-shot crowd every buyer (its own user, so the per-user rate limit never refuses anyone) tries
 * once to buy one unit; the harness measures admission decisions per second at the api (202 admitted, 409
 * refused), the latency of those answers, and then checks that the sale sold exactly the units it had. In the same
 * run it drives the same admission script ({@link FlashSaleGate}) from a plain Redisson client with as many
 * concurrent calls, for the raw rate of the gate the HTTP path is compared with. The {@link RetryingCrowd} then
 * buys from a sale of as many units (or 1.5 a buyer, if more: three quarters of what the buyers could hold) with a
 * quarter as many buyers, each trying up to four times, so that buyers come back while units are left and meet the
 * per-user limit; the harness
 * checks from the event store that the sale sold no more than it had and no buyer holds more than the per-user
 * limit. Starts its own stack; prints a Markdown summary, and exits 1 when either check fails.
 */
public final class FlashSaleBenchmark {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern ADMISSIONS = Pattern.compile(
            "^groupbuy_flash_sale_admissions_total\\{[^}]*decision=\"(\\w+)\"[^}]*} ([0-9.E+]+)$", Pattern.MULTILINE);

    private final LocalStack stack;
    private final StackClient client = new StackClient();
    private final PlainHttp http;
    private final String admin;
    private final Map<String, Integer> quantities = new java.util.concurrent.ConcurrentHashMap<>();

    private FlashSaleBenchmark(LocalStack stack) throws Exception {
        this.stack = stack;
        this.http = new PlainHttp(URI.create(stack.apiUrl()));
        this.admin = client.devToken(stack.apiUrl(), "bench-admin", "admin");
    }

    public static void main(String[] args) throws Exception {
        int buyers = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int units = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int connections = args.length > 2 ? Integer.parseInt(args[2]) : 128;
        String mode = args.length > 3 ? args[3] : "both";
        require(List.of("both", "oneshot", "retrying").contains(mode), "unknown crowd: " + mode);
        Path logs = Path.of("target", "bench-logs", "flash-sale");
        List<String> violations;
        try (LocalStack stack = LocalStack.start(StackOptions.forBenchmark(logs, 1))) {
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "benchmark-shutdown"));
            violations = new FlashSaleBenchmark(stack).run(buyers, units, connections, mode);
        }
        if (!violations.isEmpty()) {
            violations.forEach(v -> System.out.println("\n**VIOLATION**: " + v));
            System.exit(1);
        }
    }

    /** Runs the crowds asked for; answers the checks that failed. */
    private List<String> run(int buyers, int units, int connections, String mode) throws Exception {
        List<String> violations = new ArrayList<>();
        String product = "FLASH-BENCH";
        StackClient.Response registered = client.post(stack.apiUrl() + "/api/v1/products", admin, Map.of(
                "sku", product, "name", "Flash bench tea", "category", "bench", "priceCents", 500,
                "initialStock", 1_000_000));
        require(registered.status() == 201, "could not register the product: " + registered);

        int warmUpBuyers = Math.max(1_000, buyers / 10);
        boolean oneShot = !mode.equals("retrying");
        boolean retrying = !mode.equals("oneshot");
        List<String> retryingUsers = userIds("retrying", retrying ? Math.max(1, buyers / RetryingCrowd.TRIES) : 0);
        System.err.printf("minting %d customer tokens…%n",
                warmUpBuyers + (oneShot ? buyers : 0) + retryingUsers.size());
        List<String> warmUpTokens = tokens(userIds("warm", warmUpBuyers), connections);
        List<String> tokens = tokens(userIds("buyer", oneShot ? buyers : 0), connections);
        List<RetryingCrowd.Buyer> crowd = RetryingCrowd.buyers(retryingUsers, tokens(retryingUsers, connections));

        System.err.println("warming up the api and the raw client…");
        burst(schedule(product, Math.max(1, units / 10), 1), warmUpTokens, connections);
        try (RawGate raw = new RawGate(stack.infrastructure().redisUrl())) {
            raw.burst(warmUpBuyers, Math.max(1, units / 10), connections);
            awaitQuiet();

            CpuLedger cpu = new CpuLedger(client, stack.processUrls());
            Burst overHttp = null;
            if (oneShot) {
                System.err.println("measuring the one-shot crowd…");
                Map<String, Double> before = admissionCounters();
                String sale = schedule(product, units, 1);
                CpuLedger.Sample cpuBefore = cpu.sample();
                overHttp = burst(sale, tokens, connections);
                CpuLedger.Sample cpuAfter = cpu.sample();
                Map<String, Double> after = admissionCounters();
                Burst direct = raw.burst(buyers, units, connections);

                Outcome outcome = outcomeOf(sale, overHttp.count(202));
                report(buyers, units, connections, overHttp, direct, before, after, outcome);
                reportCpu(cpuBefore, cpuAfter, overHttp);
                if (outcome.reservedUnits() > units || overHttp.count(202) > units) {
                    violations.add("OVERSOLD: the one-shot sale of " + units + " units reserved "
                            + outcome.reservedUnits() + " and admitted " + overHttp.count(202) + " purchases");
                }
            }
            if (retrying) {
                System.err.println("measuring the retrying crowd…");
                int retryingUnits = Math.max(units, 3 * crowd.size() / 2);
                String sale = schedule(product, retryingUnits, RetryingCrowd.PER_USER_LIMIT);
                CpuLedger.Sample cpuBefore = cpu.sample();
                RetryingCrowd.Result result = new RetryingCrowd(http).run(purchasesOf(sale), crowd, connections);
                CpuLedger.Sample cpuAfter = cpu.sample();
                Outcome outcome = outcomeOf(sale, result.burst().count(202));
                Map<String, Integer> held = unitsHeldPerUser(sale);
                reportRetrying(crowd.size(), retryingUnits, connections, result, overHttp, outcome, held);
                reportCpu(cpuBefore, cpuAfter, result.burst());
                violations.addAll(retryingViolations(retryingUnits, result, outcome, held));
            }
        }
        return violations;
    }

    private static String purchasesOf(String sale) {
        return "/api/v1/flash-sales/" + sale + "/orders";
    }

    private String schedule(String sku, int units, int perUserLimit) throws Exception {
        StackClient.Response created = client.post(stack.apiUrl() + "/api/v1/flash-sales", admin, Map.of(
                "sku", sku, "priceCents", 199, "quantity", units, "perUserLimit", perUserLimit,
                "startsAt", Instant.now().minusSeconds(1).toString(),
                "endsAt", Instant.now().plus(Duration.ofHours(1)).toString()));
        require(created.status() == 201, "could not schedule a sale: " + created);
        String sale = created.body().get("flashSaleId").asString();
        quantities.put(sale, units);
        return sale;
    }

    private static List<String> userIds(String prefix, int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> prefix + "-" + UUID.randomUUID()).toList();
    }

    private List<String> tokens(List<String> userIds, int connections) throws Exception {
        int count = userIds.size();
        String[] tokens = new String[count];
        AtomicInteger next = new AtomicInteger();
        try (ExecutorService pool = Executors.newFixedThreadPool(Math.min(connections, 32))) {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < Math.min(connections, 32); t++) {
                running.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        tokens[i] = client.devToken(stack.apiUrl(), userIds.get(i), "customer");
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
        String path = purchasesOf(sale);
        return Burst.of(tokens.size(), connections,
                i -> http.post(path, tokens.get(i), "{\"quantity\":1}").status());
    }

    /** The gate's script from a plain Redisson client configured as the api's, on its own sale. */
    private static final class RawGate implements AutoCloseable {

        private final RedissonClient redisson;
        private final FlashSaleGate gate;

        RawGate(String redisUrl) {
            Config config = new Config();
            config.setUseScriptCache(true);
            this.redisson = Redisson.create(RedisClientSizing.forThisProcess(8).applyTo(config, redisUrl));
            this.gate = new FlashSaleGate(redisson);
        }

        /** The api's default per-customer limit, counted in the same script call. */
        private static final RateLimit API_RATE_LIMIT = new RateLimit(20, Duration.ofSeconds(1));

        Burst burst(int buyers, int units, int concurrency) throws Exception {
            String sale = "raw-" + UUID.randomUUID();
            Instant now = Instant.now();
            gate.open(sale, "RAW", now.minusSeconds(1), now.plus(Duration.ofHours(1)), null, 1, units);
            return Burst.of(buyers, concurrency, i -> gate.admit(sale, UUID.randomUUID().toString(),
                    "raw-user-" + i, 1, Instant.now(), API_RATE_LIMIT).admitted() ? 202 : 409);
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
                       (SELECT coalesce(sum((convert_from(payload, 'UTF8')::jsonb ->> 'quantity')::int), 0)
                          FROM domainevententry WHERE aggregateidentifier = ?
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

    /** Units each user holds from the sale (reserved less returned), from the sale's events in the event store. */
    private Map<String, Integer> unitsHeldPerUser(String sale) throws Exception {
        String url = stack.infrastructure().jdbcUrl("eventstore");
        Map<String, Integer> held = new java.util.HashMap<>();
        try (Connection db = DriverManager.getConnection(url, stack.infrastructure().jdbcUsername(),
                stack.infrastructure().jdbcPassword());
             PreparedStatement query = db.prepareStatement("""
                     SELECT e.p ->> 'userId',
                            sum(CASE WHEN e.payloadtype LIKE '%FlashSaleUnitsReserved' THEN 1 ELSE -1 END
                                * (e.p ->> 'quantity')::int)
                       FROM (SELECT payloadtype, convert_from(payload, 'UTF8')::jsonb AS p FROM domainevententry
                              WHERE aggregateidentifier = ?
                                AND (payloadtype LIKE '%FlashSaleUnitsReserved'
                                     OR payloadtype LIKE '%FlashSaleUnitsReturned')) e
                      GROUP BY 1""")) {
            query.setString(1, sale);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    held.put(rows.getString(1), rows.getInt(2));
                }
            }
        }
        return held;
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

                ## Flash-sale burst, one-shot crowd: %,d buyers, %,d units, %d concurrent connections
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

    private static void reportRetrying(int buyers, int units, int connections, RetryingCrowd.Result result,
                                       Burst oneShot, Outcome outcome, Map<String, Integer> held) {
        Burst burst = result.burst();
        Map<String, Integer> refusals = new java.util.TreeMap<>(result.refusalCodes());
        long other = burst.statuses().length - burst.count(202) - burst.count(409) - burst.count(429);
        int mostHeld = held.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        long over = held.values().stream().filter(h -> h > RetryingCrowd.PER_USER_LIMIT).count();
        System.out.printf("""

                ## Retrying crowd: %,d buyers arriving over %d ms (up to %d tries each, %d–%d ms apart), %,d units, perUserLimit %d, %d concurrent connections
                | path | answers | per s | 202 | 409 | 429 | other | p50 | p99 | p50 409/429 | p99 409/429 |
                |---|---|---|---|---|---|---|---|---|---|---|
                | HTTP (api) | %,d | %,.0f | %d | %d | %d | %d | %.1f ms | %.1f ms | %.1f ms | %.1f ms |

                409s by code: %s.%s

                ## Units sold and units per buyer (retrying sale of %,d units), %.1f s after the burst
                | units reserved on the sale | orders confirmed | orders rejected | sale remaining | gate remaining | query-side remaining | buyers holding units | most units held by one buyer | buyers over the limit |
                |---|---|---|---|---|---|---|---|---|
                | %d | %d | %d | %d | %d | %d | %d | %d | %d |
                """, buyers, RetryingCrowd.ARRIVALS.toMillis(), RetryingCrowd.TRIES, RetryingCrowd.MIN_PAUSE_MS, RetryingCrowd.MAX_PAUSE_MS, units,
                RetryingCrowd.PER_USER_LIMIT, connections,
                burst.statuses().length, burst.rate(), burst.count(202), burst.count(409), burst.count(429), other,
                burst.percentileMillis(0, 50), burst.percentileMillis(0, 99),
                burst.percentileMillis(s -> s == 409 || s == 429, 50),
                burst.percentileMillis(s -> s == 409 || s == 429, 99),
                refusals, oneShot == null ? "" : String.format(" Retrying / one-shot decisions/s: %.0f %%.",
                        100 * burst.rate() / oneShot.rate()),
                units, outcome.settledAfterSeconds(), outcome.reservedUnits(), outcome.confirmedOrders(),
                outcome.rejectedOrders(), outcome.saleRemaining(), outcome.gateRemaining(), outcome.queryRemaining(),
                held.size(), mostHeld, over);
    }

    /** Units sold within units available, and no buyer over the per-user limit by the event store or the 202s. */
    static List<String> retryingViolations(int units, RetryingCrowd.Result result, Outcome outcome,
                                                   Map<String, Integer> held) {
        List<String> violations = new ArrayList<>();
        int admittedUnits = result.admittedUnits().values().stream().mapToInt(Integer::intValue).sum();
        if (outcome.reservedUnits() > units || admittedUnits > units) {
            violations.add("OVERSOLD: the retrying sale of " + units + " units reserved " + outcome.reservedUnits()
                    + " and admitted purchases of " + admittedUnits);
        }
        held.forEach((user, count) -> {
            if (count > RetryingCrowd.PER_USER_LIMIT) {
                violations.add("PER-USER LIMIT: " + user + " holds " + count + " units by the event store");
            }
        });
        result.admittedUnits().forEach((user, count) -> {
            if (count > RetryingCrowd.PER_USER_LIMIT) {
                violations.add("PER-USER LIMIT: " + user + " was admitted (202) for " + count + " units");
            }
        });
        return violations;
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
