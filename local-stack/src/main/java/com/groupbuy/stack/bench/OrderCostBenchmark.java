package com.groupbuy.stack.bench;

import com.groupbuy.stack.LocalStack;
import com.groupbuy.stack.StackClient;
import com.groupbuy.stack.StackOptions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code bin/benchmark order-cost [workers] [orders per second] [seconds]}: the CPU an order costs each process
 * when the stack is <em>not</em> saturated. {@code bin/benchmark orders} sends as fast as the stack takes them, so
 * both cores are always busy and its CPU per order is twice the run's length over the orders: whatever a process
 * spends per second (event processors polling the event store, Kafka consumers, schedulers) is charged to the
 * orders, and a slower stack pays more of it per order. Here the orders arrive at a fixed rate that every version
 * keeps up with, the stack's idle CPU per second is measured first, and the report gives each process's CPU per
 * order with and without that idle share, so two versions compare on the work an order adds.
 */
public final class OrderCostBenchmark {

    private static final Duration SETTLE = Duration.ofSeconds(15);
    private static final Duration IDLE = Duration.ofSeconds(30);

    public static void main(String[] args) throws Exception {
        int workers = args.length > 0 ? Integer.parseInt(args[0]) : 1;
        double rate = args.length > 1 ? Double.parseDouble(args[1]) : 50;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 60;
        Path logs = Path.of("target", "bench-logs", "order-cost-" + workers + "w");
        try (LocalStack stack = LocalStack.start(StackOptions.forBenchmark(logs, workers))) {
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "benchmark-shutdown"));
            OrderBenchmark orders = new OrderBenchmark(stack);
            orders.seed();
            orders.warmUp(OrderBenchmark.WARM_UP_ORDERS);
            Thread.sleep(SETTLE.toMillis());
            CpuLedger cpu = new CpuLedger(new StackClient(), stack.processUrls());
            CpuLedger.Sample idleFrom = cpu.sample();
            Thread.sleep(IDLE.toMillis());
            CpuLedger.Spent idle = CpuLedger.between(idleFrom, cpu.sample());
            double idleSeconds = IDLE.toMillis() / 1000.0;

            int total = (int) Math.round(rate * seconds);
            CpuLedger.Sample from = cpu.sample();
            long started = System.nanoTime();
            List<String> ids = paced(orders, rate, total);
            orders.awaitConfirmations(ids, Duration.ofMinutes(5));
            double elapsed = (System.nanoTime() - started) / 1e9;
            CpuLedger.Spent spent = CpuLedger.between(from, cpu.sample());
            report(workers, rate, total, elapsed, idle, idleSeconds, spent);
        }
    }

    /** Sends {@code total} orders at {@code rate} a second; every one must be accepted. */
    private static List<String> paced(OrderBenchmark orders, double rate, int total) throws Exception {
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        ScheduledExecutorService pacer = Executors.newScheduledThreadPool(16);
        pacer.scheduleAtFixedRate(() -> {
            int n = sent.getAndIncrement();
            if (n < total) {
                try {
                    ids.add(orders.placeOne(n));
                } catch (Exception e) {
                    failed.incrementAndGet();
                    System.err.println("order failed: " + e.getMessage());
                }
            }
        }, 0, (long) (1_000_000_000L / rate), TimeUnit.NANOSECONDS);
        while (sent.get() < total) {
            Thread.sleep(100);
        }
        pacer.shutdown();
        if (!pacer.awaitTermination(1, TimeUnit.MINUTES) || failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " orders were not accepted");
        }
        return ids;
    }

    private static void report(int workers, double rate, int total, double elapsed, CpuLedger.Spent idle,
                               double idleSeconds, CpuLedger.Spent spent) {
        StringBuilder rows = new StringBuilder();
        double idleTotal = idle.stackSeconds() / idleSeconds;
        for (Map.Entry<String, Double> process : spent.processSeconds().entrySet()) {
            double idlePerSecond = idle.processSeconds().get(process.getKey()) / idleSeconds;
            rows.append(row(process.getKey(), idlePerSecond, process.getValue(), elapsed, total));
        }
        rows.append(row("Kafka, PostgreSQL, Redis", idle.serversSeconds() / idleSeconds, spent.serversSeconds(),
                elapsed, total));
        rows.append(row("**all**", idleTotal, spent.stackSeconds(), elapsed, total));
        System.out.printf("""

                ## CPU per order at %.0f orders/s (%d orders, %d worker process(es), all confirmed after %.1f s)
                | process | idle CPU (ms per s) | CPU per order (ms) | beyond idle, per order (ms) |
                |---|---|---|---|
                %s
                Load generator (left out above): %.2f ms per order.
                """, rate, total, workers, elapsed, rows, 1000 * spent.loadGeneratorSeconds() / total);
    }

    private static String row(String process, double idlePerSecond, double seconds, double elapsed, int total) {
        return String.format("| %s | %.1f | %.2f | %.2f |%n", process, 1000 * idlePerSecond, 1000 * seconds / total,
                1000 * (seconds - idlePerSecond * elapsed) / total);
    }
}
