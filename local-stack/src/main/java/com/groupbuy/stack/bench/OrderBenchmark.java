package com.groupbuy.stack.bench;

import com.groupbuy.stack.LocalStack;
import com.groupbuy.stack.StackClient;
import com.groupbuy.stack.StackOptions;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bin/benchmark orders [workers] [orders] [rounds] [warm-up orders]}: sustained order throughput (orders
 * reaching CONFIRMED per second, from the event store's timestamps) and the stack's CPU per order, measured
 * {@code rounds} times after the warm-up, then the time from the 202 answer to CONFIRMED being visible on the query
 * side at half that rate. Starts its own stack on the embedded servers; prints a Markdown summary.
 *
 * <p>The warm-up is long on purpose: on two cores shared by the whole stack, the CPU per order keeps falling for some
 * 20,000 orders while the JIT compilers catch up (docs/performance.md), and a round measured before that mostly
 * measures compilation. Under {@code bin/benchmark-compare} the rounds take turns with another commit's stack
 * ({@link Turns}) and the latency run is left out.
 */
public final class OrderBenchmark {

    private static final int PRODUCTS = 20;
    private static final int CUSTOMERS = 200;
    private static final int CLIENT_THREADS = 32;
    private static final Duration LATENCY_RUN = Duration.ofSeconds(30);
    static final int WARM_UP_ORDERS = 24_000;
    private static final int WARM_UP_ROUND = 3_000;
    private static final Pattern COMMANDS = Pattern.compile(
            "^groupbuy_commands_total\\{([^}]*)} ([0-9.E+]+)$", Pattern.MULTILINE);

    private final LocalStack stack;
    private final StackClient client = new StackClient();
    private final List<String> tokens = new ArrayList<>();

    OrderBenchmark(LocalStack stack) {
        this.stack = stack;
    }

    public static void main(String[] args) throws Exception {
        int workers = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        int orders = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int rounds = args.length > 2 ? Math.max(1, Integer.parseInt(args[2])) : 1;
        int warmUp = args.length > 3 ? Integer.parseInt(args[3]) : WARM_UP_ORDERS;
        Turns turns = Turns.fromSystemProperties();
        Path logs = Path.of("target", "bench-logs", "orders-" + workers + "w");
        try (LocalStack stack = LocalStack.start(StackOptions.forBenchmark(logs, workers))) {
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "benchmark-shutdown"));
            OrderBenchmark bench = new OrderBenchmark(stack);
            bench.seed();
            bench.warmUp(warmUp);
            turns.ready();
            Round round = null;
            for (int n = 1; n <= rounds; n++) {
                turns.await(n);
                round = bench.throughput(orders, true);
                if (turns.taken()) {
                    bench.awaitQuiet();
                }
                turns.done(n, String.format("%.3f %.1f %.3f%n", round.cpuPerOrderMillis(), round.confirmedPerSecond(),
                        round.compilationPerOrderMillis()));
            }
            if (!turns.taken()) {
                bench.latency(round.confirmedPerSecond() / 2);
            }
        }
    }

    void seed() throws Exception {
        String admin = client.devToken(stack.apiUrl(), "bench-admin", "admin");
        for (int i = 0; i < PRODUCTS; i++) {
            StackClient.Response registered = client.post(stack.apiUrl() + "/api/v1/products", admin, Map.of(
                    "sku", "BENCH-" + i, "name", "Bench drink " + i, "category", "bench", "priceCents", 500,
                    "initialStock", 1_000_000));
            if (registered.status() != 201) {
                throw new IllegalStateException("could not register a product: " + registered);
            }
        }
        for (int i = 0; i < CUSTOMERS; i++) {
            tokens.add(client.devToken(stack.apiUrl(), "bench-user-" + i, "customer"));
        }
    }

    String placeOne(int n) throws Exception {
        Map<String, Object> body = Map.of("items", List.of(Map.of("sku", "BENCH-" + (n % PRODUCTS), "quantity", 1)));
        StackClient.Response response = client.post(stack.apiUrl() + "/api/v1/orders", tokens.get(n % CUSTOMERS),
                body);
        if (response.status() != 202) {
            throw new IllegalStateException("order answered " + response.status() + " " + response.body());
        }
        return response.body().get("orderId").asString();
    }

    /** Sends {@code orders} orders in rounds as {@link #throughput} does, and prints how each round's cost falls. */
    void warmUp(int orders) throws Exception {
        System.out.printf("""

                ## Warm-up (not measured): CPU per confirmed order as the JVMs compile the order path
                | orders so far | CPU per confirmed order | JIT compiling per order (elapsed) | confirmed per s |
                |---|---|---|---|
                """);
        for (int sent = 0; sent < orders; ) {
            int count = Math.min(WARM_UP_ROUND, orders - sent);
            Round round = throughput(count, false);
            sent += count;
            System.out.printf("| %d | %.2f ms | %.2f ms | %.0f |%n", sent, round.cpuPerOrderMillis(),
                    round.compilationPerOrderMillis(), round.confirmedPerSecond());
        }
    }

    /**
     * One round: confirmed orders per second (10th to 90th percentile), the stack's CPU per order, and how long our
     * JVMs' JIT compilers were compiling per order (elapsed time of their threads: on a busy machine it includes
     * waiting for a core, so it is a trend, not a share of the CPU).
     */
    record Round(double confirmedPerSecond, double cpuPerOrderMillis, double compilationPerOrderMillis) {
    }

    /** Sends {@code count} orders as fast as the clients can and measures how fast they become CONFIRMED. */
    Round throughput(int count, boolean report) throws Exception {
        CpuLedger cpu = new CpuLedger(client, stack.processUrls());
        CpuLedger.Sample cpuBefore = cpu.sample();
        double conflictsBefore = conflicts();
        Instant started = Instant.now();
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        try (ExecutorService senders = Executors.newFixedThreadPool(CLIENT_THREADS)) {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < CLIENT_THREADS; t++) {
                running.add(senders.submit(() -> {
                    for (int n = next.getAndIncrement(); n < count; n = next.getAndIncrement()) {
                        ids.add(placeOne(n));
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        }
        Instant allAccepted = Instant.now();
        List<Instant> confirmations = awaitConfirmations(ids, Duration.ofMinutes(10));
        Instant lastConfirmed = confirmations.getLast();
        CpuLedger.Spent spent = CpuLedger.between(cpuBefore, cpu.sample());
        double conflicts = conflicts() - conflictsBefore;
        int p10 = confirmations.size() / 10;
        int p90 = confirmations.size() * 9 / 10;
        double sustained = (p90 - p10) / secondsBetween(confirmations.get(p10), confirmations.get(p90));
        if (report) {
            System.out.printf("""

                    ## Throughput (%d worker process(es))
                    | orders | accepted (202) per s | confirmed per s, sustained (10th→90th percentile) | all confirmed after |
                    |---|---|---|---|
                    | %d | %.0f | %.0f | %.1f s |

                    ## CPU from the first order sent to the last confirmed (seconds; every process of the run)
                    %s
                    %s

                    CPU per confirmed order, all processes together (load generator left out): **%.2f ms**;
                    our JVMs' JIT compilers were compiling for %.2f ms per order (elapsed, not CPU).
                    Aggregate conflicts (appends that lost a race and were retried on fresh state): %.0f (%.2f per order).
                    """, stack.workerCount(), count, count / secondsBetween(started, allAccepted), sustained,
                    secondsBetween(started, lastConfirmed), spent.header(), spent.row(),
                    1000 * spent.stackSeconds() / count, 1000 * spent.compilationSeconds() / count, conflicts,
                    conflicts / count);
        }
        return new Round(sustained, 1000 * spent.stackSeconds() / count, 1000 * spent.compilationSeconds() / count);
    }

    /**
     * Waits (at most 30 s) until the stack has worked off what a round left behind, such as the projections' tail, so
     * that the other stack's turn does not pay for it: the machine below half a core over a second.
     */
    void awaitQuiet() throws Exception {
        CpuLedger cpu = new CpuLedger(client, stack.processUrls());
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            CpuLedger.Sample before = cpu.sample();
            Thread.sleep(1_000);
            if (CpuLedger.between(before, cpu.sample()).stackSeconds() < 0.5) {
                return;
            }
        }
    }

    /** Orders at a fixed rate; for a sample of them, the time from the 202 to CONFIRMED on the query side. */
    private void latency(double rate) throws Exception {
        long periodNanos = (long) (1_000_000_000L / rate);
        int total = (int) (rate * LATENCY_RUN.toSeconds());
        List<Long> latenciesMicros = Collections.synchronizedList(new ArrayList<>());
        Map<String, Long> pending = new ConcurrentHashMap<>();
        AtomicInteger sent = new AtomicInteger();
        ScheduledExecutorService pacer = Executors.newScheduledThreadPool(CLIENT_THREADS);
        ExecutorService pollers = Executors.newFixedThreadPool(8);
        pacer.scheduleAtFixedRate(() -> {
            int n = sent.getAndIncrement();
            if (n >= total) {
                return;
            }
            try {
                String id = placeOne(n);
                long acceptedAt = System.nanoTime();
                if (n % 5 == 0) {
                    pending.put(id, acceptedAt);
                    pollers.submit(() -> pollUntilConfirmed(id, tokens.get(n % CUSTOMERS), acceptedAt,
                            latenciesMicros, pending));
                }
            } catch (Exception e) {
                System.err.println("order failed: " + e.getMessage());
            }
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        while (sent.get() < total) {
            Thread.sleep(200);
        }
        pacer.shutdown();
        pacer.awaitTermination(1, TimeUnit.MINUTES);
        pollers.shutdown();
        pollers.awaitTermination(2, TimeUnit.MINUTES);
        List<Long> sorted = new ArrayList<>(latenciesMicros);
        Collections.sort(sorted);
        System.out.printf("""

                ## Latency from 202 to CONFIRMED visible on the query side, at %.0f orders/s for %d s
                | sampled orders | p50 | p99 | max | never seen |
                |---|---|---|---|---|
                | %d | %.0f ms | %.0f ms | %.0f ms | %d |
                """, rate, LATENCY_RUN.toSeconds(), sorted.size(), percentile(sorted, 50) / 1000.0,
                percentile(sorted, 99) / 1000.0, sorted.getLast() / 1000.0, pending.size());
    }

    private void pollUntilConfirmed(String id, String token, long acceptedAt, List<Long> latencies,
                                    Map<String, Long> pending) {
        long deadline = acceptedAt + Duration.ofSeconds(30).toNanos();
        try {
            while (System.nanoTime() < deadline) {
                StackClient.Response response = client.get(stack.queryUrl() + "/api/v1/orders/" + id, token);
                if (response.status() == 200 && "CONFIRMED".equals(response.body().get("status").asString())) {
                    latencies.add((System.nanoTime() - acceptedAt) / 1_000);
                    pending.remove(id);
                    return;
                }
                Thread.sleep(10);
            }
        } catch (Exception e) {
            System.err.println("poll failed: " + e.getMessage());
        }
    }

    List<Instant> awaitConfirmations(List<String> ids, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        String url = stack.infrastructure().jdbcUrl("eventstore");
        try (Connection db = DriverManager.getConnection(url, stack.infrastructure().jdbcUsername(),
                stack.infrastructure().jdbcPassword());
             PreparedStatement query = db.prepareStatement("""
                     SELECT timestamp FROM domainevententry
                      WHERE aggregateidentifier = ANY (?) AND payloadtype = 'com.groupbuy.events.order.OrderConfirmed'
                      ORDER BY timestamp""")) {
            query.setArray(1, db.createArrayOf("varchar", ids.toArray()));
            while (System.nanoTime() < deadline) {
                List<Instant> found = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        found.add(Instant.parse(rows.getString(1)));
                    }
                }
                if (found.size() == ids.size()) {
                    return found;
                }
                Thread.sleep(500);
            }
        }
        throw new IllegalStateException("not every order was confirmed within " + timeout);
    }

    /** {@code groupbuy_commands_total{outcome="failed",code="ConcurrencyException"}} summed over every process. */
    private double conflicts() throws Exception {
        double total = 0;
        for (String url : stack.processUrls().values()) {
            Matcher m = COMMANDS.matcher(client.getText(url + "/actuator/prometheus"));
            while (m.find()) {
                if (m.group(1).contains("code=\"ConcurrencyException\"") && m.group(1).contains("outcome=\"failed\"")) {
                    total += Double.parseDouble(m.group(2));
                }
            }
        }
        return total;
    }

    private static double secondsBetween(Instant from, Instant to) {
        return Math.max(1, Duration.between(from, to).toMillis()) / 1000.0;
    }

    private static double percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
